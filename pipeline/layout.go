package pipeline

import (
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"

	"golang.org/x/text/unicode/norm"

	"github.com/itilint/itilint/pipeline/load"
)

// A Layout says where the cleaned copy of each input goes in an output
// folder, so that nothing is lost: no two inputs get one output, and no
// output lands on an input.
//
// Two inputs meet when their outputs' paths are equal once folded, as a
// case-insensitive file system (macOS, Windows) compares them: "x.md" and
// "X.md" are one file there. The copy of a Markdown input keeps its name;
// another input that would meet it keeps its extension ("x.txt" →
// "x.txt.md"); inputs that would still meet (two Markdown notes whose names
// differ only in case, one name from two folders named on the command
// line) are numbered in course order ("x-2.md"). A copy that would be
// written over an input, or of an input that lies inside the output folder
// (a cleaned copy read back), is not written.
type Layout struct {
	out map[string]string // input path → output path ("" for none)
	// Notices say which inputs got another name than the usual one, and
	// why, in course order.
	Notices []string
	// Refused are the inputs whose copy is not written, and why.
	Refused []error
}

// NewLayout lays out the copies of inputs (in course order) under dir.
// Reserved are other files the run writes (reports): an error is returned
// when one of them would be written over an input.
func NewLayout(dir string, inputs []load.Input, reserved ...string) (*Layout, error) {
	l := &Layout{out: make(map[string]string, len(inputs))}
	want, kept := wantedNames(inputs)
	l.place(dir, inputs, want, kept)
	if err := l.spareInputs(dir, inputs, reserved); err != nil {
		return nil, err
	}
	return l, nil
}

// wantedNames returns the relative name each input's copy would like, and
// whether it keeps the input's extension to stay clear of another.
func wantedNames(inputs []load.Input) (want []string, kept []bool) {
	want = make([]string, len(inputs))
	count := map[string]int{}
	for i, in := range inputs {
		want[i] = in.OutRel()
		count[fold(want[i])]++
	}
	// A copy cannot be a file where another copy needs a folder ("a.txt"
	// and a folder "a.md" of notes): that name counts as taken twice.
	for _, w := range want {
		for d := filepath.Dir(w); d != "." && d != string(filepath.Separator); d = filepath.Dir(d) {
			count[fold(d)] += 2
		}
	}
	// An input that meets another keeps its extension, unless it is the
	// Markdown note whose name the copy keeps anyway.
	kept = make([]bool, len(inputs))
	for i, in := range inputs {
		if count[fold(want[i])] > 1 && !strings.EqualFold(filepath.Ext(in.Rel), ".md") {
			want[i] = in.Rel + ".md"
			kept[i] = true
		}
	}
	return want, kept
}

// place gives each input's copy its path under dir, numbering the names
// that would still meet, with a notice for each input not named as usual.
func (l *Layout) place(dir string, inputs []load.Input, want []string, kept []bool) {
	wanted := map[string]int{}
	for _, w := range want {
		wanted[fold(w)]++
	}
	type owner struct{ path, name string }
	taken := map[string]owner{} // folded output rel → whose copy it is
	for i, w := range want {
		for d := filepath.Dir(w); d != "." && d != string(filepath.Separator); d = filepath.Dir(d) {
			taken[fold(d)] = owner{inputs[i].Path, d + string(filepath.Separator)}
		}
	}
	for i, in := range inputs {
		name := want[i]
		if other, ok := taken[fold(name)]; ok {
			base := strings.TrimSuffix(name, ".md")
			for k := 2; ; k++ {
				c := base + "-" + strconv.Itoa(k) + ".md"
				if _, ok := taken[fold(c)]; !ok && wanted[fold(c)] == 0 {
					name = c
					break
				}
			}
			why := "one file where case does not count"
			if strings.HasSuffix(other.name, string(filepath.Separator)) {
				why = "a folder of copies"
			}
			l.Notices = append(l.Notices, fmt.Sprintf("%s: written as %s, since %s is written as %s (%s)", in.Path, name, other.path, other.name, why))
		} else if kept[i] {
			l.Notices = append(l.Notices, fmt.Sprintf("%s: written as %s, since another input would also be written as %s", in.Path, name, in.OutRel()))
		}
		taken[fold(name)] = owner{in.Path, name}
		l.out[in.Path] = filepath.Join(dir, name)
	}
}

// spareInputs refuses the copies (and fails on the reserved files) that
// would be written over an input, and drops the copies of inputs that are
// copies themselves.
func (l *Layout) spareInputs(dir string, inputs []load.Input, reserved []string) error {
	// No output on an input, and no copy of a copy.
	// An input found inside the output folder, when that folder lies
	// inside the folder walked and carries itilint's mark, is a copy an
	// earlier run wrote: writing its note's copy again over it loses
	// nothing, and it is not copied again. Without the mark, the files
	// there are the user's, and no copy is written over them.
	// Thousands of inputs share their folders: each folder's links are
	// followed once.
	resolve := newResolver().resolve
	outDir := fold(resolve(dir))
	_, err := os.Stat(filepath.Join(dir, load.OutputMarker))
	marked := err == nil
	readBack := make([]bool, len(inputs))
	inputAt := make(map[string]string, len(inputs))
	for i, in := range inputs {
		p := fold(resolve(in.Path))
		root := fold(resolve(strings.TrimSuffix(in.Path, in.Rel)))
		if readBack[i] = marked && within(p, outDir) && within(outDir, root); !readBack[i] {
			inputAt[p] = in.Path
		}
	}
	for _, r := range reserved {
		if p, ok := inputAt[fold(resolve(r))]; ok {
			return fmt.Errorf("%s: the run would write %s over this input; choose an --out folder outside the inputs", p, r)
		}
	}
	for i, in := range inputs {
		out := l.out[in.Path]
		if p, ok := inputAt[fold(resolve(out))]; ok {
			l.out[in.Path] = ""
			l.Refused = append(l.Refused, fmt.Errorf("%s: its cleaned copy %s would be written over input %s; not written (choose an --out folder outside the inputs)", in.Path, out, p))
			continue
		}
		if readBack[i] {
			l.out[in.Path] = ""
			l.Notices = append(l.Notices, fmt.Sprintf("%s: inside the output folder %s (a cleaned copy read back?); its copy is not written", in.Path, dir))
		}
	}
	return nil
}

// Out is the path of the copy of the input at path, "" when none is written.
func (l *Layout) Out(path string) string { return l.out[path] }

// fold is a path as a case-insensitive file system compares it: letters of
// any case and the composed and decomposed forms of an accent are equal.
func fold(path string) string {
	return strings.ToLower(norm.NFC.String(path))
}

// within reports whether path lies inside folder (both folded and clean).
func within(path, folder string) bool {
	return strings.HasPrefix(path, folder+string(filepath.Separator)) ||
		(folder == string(filepath.Separator) && path != folder)
}

// A resolver remembers what filepath.EvalSymlinks gave for each path ("" when
// it failed), and the working folder relative paths start from, asked once
// (filepath.Abs asks for it anew each time: two system calls, for each of
// the thousands of paths of a course).
type resolver struct {
	real map[string]string
	cwd  string // "" when it could not be known
}

func newResolver() resolver {
	cwd, _ := os.Getwd()
	return resolver{real: map[string]string{}, cwd: cwd}
}

// abs is filepath.Abs(path) from the working folder asked once. Windows
// keeps a working folder for each drive ("C:notes"): there filepath.Abs
// answers.
func (r resolver) abs(path string) (string, error) {
	if filepath.IsAbs(path) {
		return filepath.Clean(path), nil
	}
	if r.cwd == "" || runtime.GOOS == "windows" {
		return filepath.Abs(path)
	}
	return filepath.Join(r.cwd, path), nil
}

// evalSymlinks is filepath.EvalSymlinks on the clean absolute path p,
// asked once a path. A path whose folder is known needs one Lstat: when
// the name there is no link, it resolves to the folder's answer joined
// with its name; when it cannot be seen, or its folder could not be
// resolved, EvalSymlinks fails on it too.
func (r resolver) evalSymlinks(p string) (string, bool) {
	if real, seen := r.real[p]; seen {
		return real, real != ""
	}
	var real string
	parent := filepath.Dir(p)
	if parent == p {
		real, _ = filepath.EvalSymlinks(p)
	} else if dir, ok := r.evalSymlinks(parent); ok {
		joined := filepath.Join(dir, filepath.Base(p))
		if info, err := os.Lstat(joined); err == nil {
			real = joined
			if info.Mode()&os.ModeSymlink != 0 {
				real, _ = filepath.EvalSymlinks(p)
			}
		}
	}
	r.real[p] = real
	return real, real != ""
}

// resolve is path absolute with its links followed, as far as it exists:
// an output path that does not exist yet still names a file under a folder
// that may be a link to an input folder.
func (r resolver) resolve(path string) string {
	abs, err := r.abs(path)
	if err != nil {
		return filepath.Clean(path)
	}
	var rest []string
	for p := abs; ; {
		if real, ok := r.evalSymlinks(p); ok {
			return filepath.Join(append([]string{real}, rest...)...)
		}
		parent := filepath.Dir(p)
		if parent == p {
			return abs
		}
		rest = append([]string{filepath.Base(p)}, rest...)
		p = parent
	}
}
