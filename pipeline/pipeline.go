// Package pipeline runs the stages over a worker pool: load → clean → parse
// → check → quiz → emit. The CLI turns flags into a Config and calls the
// functions here; nothing else.
package pipeline

import (
	"io"
	"path/filepath"
	"runtime"
	"sync"
	"time"

	"github.com/itilint/itilint/pipeline/check"
	"github.com/itilint/itilint/pipeline/config"
	"github.com/itilint/itilint/pipeline/emit"
	"github.com/itilint/itilint/pipeline/lint"
	"github.com/itilint/itilint/pipeline/load"
	"github.com/itilint/itilint/pipeline/note"
	"github.com/itilint/itilint/pipeline/pack"
	"github.com/itilint/itilint/pipeline/quiz"
	"github.com/itilint/itilint/pipeline/rule"
)

// Config is everything a run needs, decided by the CLI.
type Config struct {
	Paths   []string // files and folders; empty means ./source
	Pack    *pack.Pack
	Project *config.Config
	Load    load.Options

	// Check reports findings of the input notes.
	Check bool
	// FixKinds, when not empty, cleans the notes with these fix kinds.
	FixKinds map[rule.FixKind]bool
	// Quiz generates the question bank from the cleaned notes.
	Quiz     bool
	QuizOpts quiz.Options

	// Workers is the size of the pool; 0 means one per core.
	Workers int
	// Progress, when set, receives a progress bar (a terminal).
	Progress io.Writer
}

// A Result is what a run produced, in course order.
type Result struct {
	Files   []emit.File
	Cleaned []*note.Note // cleaned notes (or the inputs when not cleaning), for the quiz
	Bank    *quiz.Bank
	Errors  []error // inputs that could not be found or read
	Elapsed time.Duration
}

// Run executes the stages the config asks for. Files that cannot be read are
// recorded in Result.Errors (and on their File) and the others still
// processed; Run itself fails only on a configuration problem.
func Run(cfg Config) (*Result, error) {
	start := time.Now()
	if cfg.Pack == nil {
		p, err := pack.Default()
		if err != nil {
			return nil, err
		}
		cfg.Pack = p
	}
	if cfg.Project == nil {
		cfg.Project = &config.Config{}
	}
	paths := cfg.Paths
	if len(paths) == 0 {
		paths = []string{"source"}
	}
	var skip func(string) bool
	if len(cfg.Project.Ignore) > 0 {
		skip = func(p string) bool {
			if cfg.Project.Dir != "" {
				if abs, err := filepath.Abs(p); err == nil {
					if rel, err := filepath.Rel(cfg.Project.Dir, abs); err == nil && cfg.Project.Ignored(rel) {
						return true
					}
				}
			}
			return cfg.Project.Ignored(p)
		}
	}
	inputs, findErrs := load.Find(paths, skip)
	res := &Result{Files: make([]emit.File, len(inputs)), Cleaned: make([]*note.Note, len(inputs)), Errors: findErrs}

	opts := lint.Options{Pack: cfg.Pack, Config: cfg.Project}
	bar := newProgress(cfg.Progress, len(inputs))
	workers := cfg.Workers
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	jobs := make(chan int)
	var wg sync.WaitGroup
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range jobs {
				res.Files[i], res.Cleaned[i] = processOne(inputs[i], cfg, opts)
				// Done with this note's structure: keep only its text,
				// line table and memos until the course stage.
				if f := res.Files[i]; f.Note != nil {
					f.Note.Compact()
				}
				if c := res.Cleaned[i]; c != nil {
					c.Compact()
				}
				bar.Add(1)
			}
		}()
	}
	for i := range inputs {
		jobs <- i
	}
	close(jobs)
	wg.Wait()
	bar.Finish()

	var notes []*note.Note
	var cleaned []*note.Note
	for i, f := range res.Files {
		if f.Err != nil {
			res.Errors = append(res.Errors, f.Err)
			continue
		}
		notes = append(notes, f.Note)
		cleaned = append(cleaned, res.Cleaned[i])
	}
	res.Cleaned = cleaned
	if cfg.Check {
		course := lint.CheckCourse(notes, opts)
		for i := range res.Files {
			if extra := course[res.Files[i].Path]; len(extra) > 0 {
				res.Files[i].Findings = append(res.Files[i].Findings, extra...)
				lint.Sort(res.Files[i].Findings)
			}
		}
	}
	if cfg.Quiz {
		res.Bank = quiz.Generate(cleaned, cfg.Pack, cfg.QuizOpts)
	}
	res.Elapsed = time.Since(start)
	return res, nil
}

// packRules are the IDs of the pack-driven rules (package check).
var packRules = func() map[string]bool {
	ids := map[string]bool{}
	for _, r := range check.Rules {
		ids[r.ID] = true
	}
	return ids
}()

// processOne runs load → check → clean for one input.
func processOne(in load.Input, cfg Config, opts lint.Options) (emit.File, *note.Note) {
	f := emit.File{Path: in.Path}
	n, err := load.Read(in, cfg.Load)
	if err != nil {
		f.Err = err
		return f, nil
	}
	f.Note = n
	if cfg.Check {
		f.Findings = lint.Check(n, opts)
	}
	cleaned := n
	if len(cfg.FixKinds) > 0 {
		// The check above saw the same note with the same options: its
		// findings are the fix loop's first round.
		r, err := lint.Fix(n, lint.FixOptions{Options: opts, Kinds: cfg.FixKinds, Initial: f.Findings})
		if err != nil {
			f.Err = err
			return f, nil
		}
		f.Changes = r.Changes
		cleaned = r.Note
	}
	if cfg.Quiz && !cfg.FixKinds[rule.Wording] {
		// Questions quote the notes to learners, so they are built from
		// text with the terminology fixed too ("ITIL4" → "ITIL 4"), even
		// when the cleaned copies keep the author's wording.
		// Only the pack-driven rules offer wording fixes.
		wording := opts
		wording.Only = packRules
		r, err := lint.Fix(cleaned, lint.FixOptions{Options: wording, Kinds: map[rule.FixKind]bool{rule.Wording: true}})
		if err != nil {
			f.Err = err
			return f, nil
		}
		return f, r.Note
	}
	return f, cleaned
}

// Summary counts what a run did, for the one-line summary and the reports.
func (r *Result) Summary() emit.Summary {
	s := emit.Summary{Seconds: r.Elapsed.Seconds()}
	for _, f := range r.Files {
		if f.Err != nil {
			continue
		}
		s.Notes++
		s.Fixes += len(f.Changes)
		for _, x := range f.Findings {
			switch x.Severity {
			case rule.Error:
				s.Errors++
			case rule.Warning:
				s.Warnings++
			default:
				s.Suggestions++
			}
		}
	}
	if r.Bank != nil {
		s.Questions = len(r.Bank.Questions)
	}
	s.Unreadable = len(r.Errors)
	return s
}

// CleanedByPath returns the cleaned note of each readable input, keyed by
// the input path.
func (r *Result) CleanedByPath() map[string]*note.Note {
	out := map[string]*note.Note{}
	i := 0
	for _, f := range r.Files {
		if f.Err != nil {
			continue
		}
		out[f.Path] = r.Cleaned[i]
		i++
	}
	return out
}

// OutputPath is where the cleaned copy of an input goes under dir.
func OutputPath(dir string, n *note.Note) string {
	return filepath.Join(dir, load.Input{Rel: n.Rel}.OutRel())
}
