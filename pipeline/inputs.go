package pipeline

import (
	"os"
	"path/filepath"
	"slices"

	"github.com/itilint/itilint/pipeline/config"
	"github.com/itilint/itilint/pipeline/load"
)

// inputPaths returns the paths to read: the config's, or DefaultInput.
func (r *run) inputPaths() []string {
	if len(r.cfg.Paths) == 0 {
		r.res.Read = DefaultInput()
		return []string{r.res.Read}
	}
	return r.cfg.Paths
}

// takeStdin reads the note on standard input when paths name it ("-"),
// and returns the other paths.
func (r *run) takeStdin(paths []string) []string {
	if !slices.Contains(paths, "-") {
		return paths
	}
	paths = slices.DeleteFunc(slices.Clone(paths), func(p string) bool { return p == "-" })
	in := r.cfg.Stdin
	if in == nil {
		in = os.Stdin
	}
	if stdin, err := load.Stdin(in, r.cfg.StdinName, r.cfg.Load); err != nil {
		r.findErrs = append(r.findErrs, err)
	} else {
		r.stdin = &stdin
	}
	return paths
}

// ignoreFunc returns whether the project's ignore patterns leave a path
// out (matched relative to the project's folder and as written), or nil
// when there are none.
func ignoreFunc(project *config.Config) func(string) bool {
	if len(project.Ignore) == 0 {
		return nil
	}
	return func(p string) bool {
		if project.Dir != "" {
			if abs, err := filepath.Abs(p); err == nil {
				if rel, err := filepath.Rel(project.Dir, abs); err == nil && project.Ignored(rel) {
					return true
				}
			}
		}
		return project.Ignored(p)
	}
}

// planFeed decides how the inputs are sent, in course order (a note on
// standard input first). One folder is walked while the first notes are
// already being checked; several paths, a progress bar that needs the
// total, or an output layout that depends on every input's name wait for
// the whole list.
func (r *run) planFeed(paths []string, skip func(string) bool) error {
	if len(paths) == 1 && r.cfg.Progress == nil && r.cfg.OutDir == "" {
		r.feed = func(send func(load.Input)) {
			if r.stdin != nil {
				send(*r.stdin)
			}
			r.findErrs = append(r.findErrs, load.Walk(paths[0], skip, send)...)
		}
		return nil
	}
	inputs, errs := load.Find(paths, skip)
	r.findErrs = append(r.findErrs, errs...)
	if r.stdin != nil {
		inputs = append([]load.Input{*r.stdin}, inputs...)
	}
	r.total = len(inputs)
	if r.cfg.OutDir != "" {
		l, err := NewLayout(r.cfg.OutDir, inputs, r.cfg.Reserved...)
		if err != nil {
			return err
		}
		r.layout = l
		r.res.Notices, r.res.Refused = l.Notices, l.Refused
	}
	r.feed = func(send func(load.Input)) {
		for _, in := range inputs {
			send(in)
		}
	}
	return nil
}
