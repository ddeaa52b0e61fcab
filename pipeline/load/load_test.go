package load

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/itilint/itilint/pipeline/note"
	"github.com/itilint/itilint/pipeline/testcourse"
)

func TestFind(t *testing.T) {
	dir := testcourse.Tree(t, map[string]string{
		"b.txt": "x", "a/c.md": "x", "a/d.markdown": "x", "t.vtt": "WEBVTT\n", "s.srt": "",
		"image.png": "x", ".hidden/e.md": "x", "skip/f.md": "x",
	})
	inputs, errs := Find([]string{dir}, func(p string) bool { return strings.Contains(p, "skip") })
	if len(errs) > 0 {
		t.Fatal(errs)
	}
	var got []string
	for _, in := range inputs {
		got = append(got, filepath.ToSlash(in.Rel)+"→"+filepath.ToSlash(in.OutRel()))
	}
	want := "a/c.md→a/c.md a/d.markdown→a/d.md b.txt→b.md s.srt→s.md t.vtt→t.md"
	if strings.Join(got, " ") != want {
		t.Fatalf("got  %s\nwant %s", strings.Join(got, " "), want)
	}
}

func TestFindErrors(t *testing.T) {
	empty := t.TempDir()
	dir := testcourse.Tree(t, map[string]string{"n.md": "x"})
	inputs, errs := Find([]string{filepath.Join(dir, "missing.md"), empty, filepath.Join(dir, "n.md")}, nil)
	if len(inputs) != 1 || len(errs) != 2 {
		t.Fatalf("inputs %v errs %v", inputs, errs)
	}
	if !strings.Contains(errs[0].Error(), "missing.md: no such file or folder") {
		t.Errorf("err %v", errs[0])
	}
	if !strings.Contains(errs[1].Error(), "no notes found") {
		t.Errorf("err %v", errs[1])
	}
}

func TestRead(t *testing.T) {
	dir := testcourse.Tree(t, map[string]string{"bin.md": "a\x00b", "latin1.txt": "caf\xe9\n", "ok.txt": "\xef\xbb\xbfHi\r\n"})
	for name, want := range map[string]string{"bin.md": "binary file", "latin1.txt": "latin1.txt:1:4: not valid UTF-8"} {
		_, err := Read(Input{Path: filepath.Join(dir, name), Rel: name}, Options{})
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("%s: err = %v, want %q", name, err, want)
		}
	}
	n, err := Read(Input{Path: filepath.Join(dir, "ok.txt"), Rel: "ok.txt", Format: note.Text}, Options{})
	if err != nil || string(n.Text) != "Hi\n" || !n.BOM || !n.CRLF {
		t.Fatalf("n=%+v err=%v", n, err)
	}
	if _, err := Read(Input{Path: filepath.Join(dir, "ok.txt")}, Options{MaxSize: 2}); err == nil || !strings.Contains(err.Error(), "limit") {
		t.Errorf("size limit: %v", err)
	}
}

// TestWalkInCourseOrder: the walk hands inputs over already sorted as paths
// sort, even where listing folders by name would not ("intro.md" before
// "intro/a.md", "a b.md" before "a/x.md").
func TestWalkInCourseOrder(t *testing.T) {
	dir := testcourse.Tree(t, map[string]string{
		"intro/a.md": "x", "intro.md": "x", "intro-2.md": "x", "intro/b/c.md": "x", "intro/b.md": "x",
		"a b.md": "x", "a/x.md": "x", "a.md": "x", "Z.md": "x", "_x.md": "x", "z/.hidden.md": "x", "z/y.txt": "x",
	})
	var walked []string
	if errs := Walk(dir, nil, func(in Input) { walked = append(walked, in.Path) }); len(errs) > 0 {
		t.Fatal(errs)
	}
	inputs, _ := Find([]string{dir}, nil)
	var sorted []string
	for _, in := range inputs {
		sorted = append(sorted, in.Path)
	}
	if strings.Join(walked, "\n") != strings.Join(sorted, "\n") || len(walked) != 11 {
		t.Errorf("walk order:\n%s\nsorted:\n%s", strings.Join(walked, "\n"), strings.Join(sorted, "\n"))
	}
}

// TestReadsDoNotShareMemory: notes read one after the other keep their own
// text, whatever their sizes.
func TestReadsDoNotShareMemory(t *testing.T) {
	sizes := []int{0, 1, 4000, 100, 64<<10 - 1, 64 << 10, 64<<10 + 1, 7}
	files := map[string]string{}
	for i, n := range sizes {
		files[fmt.Sprintf("n%d.md", i)] = strings.Repeat(string(rune('a'+i)), n)
	}
	dir := testcourse.Tree(t, files)
	var notes []*note.Note
	for i := range sizes {
		path := filepath.Join(dir, fmt.Sprintf("n%d.md", i))
		n, err := Read(Input{Path: path, Rel: filepath.Base(path), Format: note.Markdown}, Options{})
		if err != nil {
			t.Fatal(err)
		}
		notes = append(notes, n)
	}
	for i, n := range notes {
		if want := files[fmt.Sprintf("n%d.md", i)]; string(n.Text) != want {
			t.Errorf("note %d (%d bytes): text changed after later reads: %.20q…", i, sizes[i], n.Text)
		}
	}
}

// TestWalkPathsAsJoined: whatever way the folder is written (a trailing
// slash, "./", a doubled separator, a relative ".."), the walk names each
// input as filepath.Join of the folder and its relative path would.
func TestWalkPathsAsJoined(t *testing.T) {
	dir := testcourse.Tree(t, map[string]string{"a.md": "x", "b/c.md": "x", "b/d/e.txt": "x"})
	t.Chdir(dir)
	sep := string(filepath.Separator)
	for _, root := range []string{dir, dir + sep, dir + sep + sep, ".", "." + sep, "b", "." + sep + "b" + sep, filepath.Join("b", "..", "b"), "b" + sep + "d" + sep + ".."} {
		errs := Walk(root, nil, func(in Input) {
			if want := filepath.Join(root, in.Rel); in.Path != want {
				t.Errorf("Walk(%q): path %q, want %q", root, in.Path, want)
			}
			if want := filepath.Clean(in.Rel); in.Rel != want || filepath.IsAbs(in.Rel) {
				t.Errorf("Walk(%q): rel %q is not clean and relative", root, in.Rel)
			}
		})
		if len(errs) > 0 {
			t.Fatal(errs)
		}
	}
}

func TestJoinName(t *testing.T) {
	sep := string(filepath.Separator)
	for _, c := range [][2]string{{"", "a"}, {"a", "b"}, {"a" + sep + "b", "c.md"}, {sep, "a"}, {".", "a"}, {"..", "a"}} {
		if got, want := joinName(c[0], c[1]), filepath.Join(c[0], c[1]); got != want {
			t.Errorf("joinName(%q, %q) = %q, want %q", c[0], c[1], got, want)
		}
	}
}

// TestListMatchesReadDir: the walk's folder listing gives the entries
// os.ReadDir gives that the walk looks at, with their kinds, on a folder
// of every kind of entry.
func TestListMatchesReadDir(t *testing.T) {
	files := map[string]string{".hidden.md": "x", ".git/config": "x", "image.png": "x", "UPPER.MD": "x", "sub/a.md": "x", "empty/.keep": ""}
	for i := 0; i < 300; i++ {
		files[fmt.Sprintf("note-with-a-long-name-to-fill-the-buffer-%03d.md", i)] = "x"
		files[fmt.Sprintf("picture-with-a-long-name-%03d.png", i)] = "x"
	}
	dir := testcourse.Tree(t, files)
	if err := os.Symlink(filepath.Join(dir, "sub"), filepath.Join(dir, "link-to-sub")); err != nil {
		t.Skip(err)
	}
	if err := os.Symlink(filepath.Join(dir, "sub", "a.md"), filepath.Join(dir, "link.md")); err != nil {
		t.Skip(err)
	}
	for _, path := range []string{dir, filepath.Join(dir, "sub"), filepath.Join(dir, "empty")} {
		got, err := list(path)
		if err != nil {
			t.Fatal(err)
		}
		des, err := os.ReadDir(path)
		if err != nil {
			t.Fatal(err)
		}
		var want []dirEntry
		for _, d := range des {
			if format, ok, meta := walked(d.Name(), d.IsDir()); ok || meta {
				want = append(want, dirEntry{name: d.Name(), dir: d.IsDir(), kind: d.Type(), format: format, meta: meta})
			}
		}
		slices.SortFunc(got, comparePaths)
		slices.SortFunc(want, comparePaths)
		if !slices.Equal(got, want) {
			t.Errorf("%s: list gives\n%v\nos.ReadDir\n%v", path, got, want)
		}
	}
	if _, err := list(filepath.Join(dir, "missing")); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("a missing folder: %v, want not-exist", err)
	}
	if _, err := list(filepath.Join(dir, "image.png")); err == nil {
		t.Errorf("a file listed as a folder: no error")
	}
}

// TestUTF16IsNamed: a note saved as UTF-16, with a byte-order mark or
// without, is named as such with what to do, not called binary; binary
// files stay binary.
func TestUTF16IsNamed(t *testing.T) {
	le := func(s string) string {
		var b []byte
		for _, c := range []byte(s) {
			b = append(b, c, 0)
		}
		return string(b)
	}
	be := func(s string) string {
		var b []byte
		for _, c := range []byte(s) {
			b = append(b, 0, c)
		}
		return string(b)
	}
	text := "# Incidents\nAn incident is an unplanned interruption.\n"
	for name, want := range map[string]string{
		"bom-le.md":  "UTF-16 (little-endian) text; save it as UTF-8",
		"bom-be.md":  "UTF-16 (big-endian) text; save it as UTF-8",
		"bare-le.md": "UTF-16 (little-endian) text; save it as UTF-8",
		"bare-be.md": "UTF-16 (big-endian) text; save it as UTF-8",
		"utf32.md":   "UTF-32 (little-endian) text; save it as UTF-8",
		"image.md":   "binary file",
	} {
		data := map[string]string{
			"bom-le.md": "\xff\xfe" + le(text), "bom-be.md": "\xfe\xff" + be(text),
			"bare-le.md": le(text), "bare-be.md": be(text),
			"utf32.md": "\xff\xfe\x00\x00#\x00\x00\x00", "image.md": "\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00",
		}[name]
		_, err := Decode(Input{Path: name, Rel: name}, []byte(data), Options{})
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("%s: %v, want %q", name, err, want)
		}
	}
}
