// Package pipeline runs the stages over a worker pool: load → clean → parse
// → check → quiz → emit. The CLI turns flags into a Config and calls the
// functions here; nothing else.
package pipeline

import (
	"errors"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"time"

	"github.com/itilint/itilint/pipeline/check"
	"github.com/itilint/itilint/pipeline/config"
	"github.com/itilint/itilint/pipeline/lint"
	"github.com/itilint/itilint/pipeline/load"
	"github.com/itilint/itilint/pipeline/note"
	"github.com/itilint/itilint/pipeline/pack"
	"github.com/itilint/itilint/pipeline/quiz"
	"github.com/itilint/itilint/pipeline/result"
	"github.com/itilint/itilint/pipeline/rule"
)

// Config is everything a run needs, decided by the CLI.
type Config struct {
	// Paths are files, folders and glob patterns; "-" is a note on Stdin,
	// named StdinName in findings. Empty means DefaultInput().
	Paths     []string
	Stdin     io.Reader
	StdinName string
	Pack      *pack.Pack
	Project   *config.Config
	Load      load.Options

	// Check reports findings of the input notes.
	Check bool
	// FixKinds, when not empty, cleans the notes with these fix kinds.
	FixKinds map[rule.FixKind]bool
	// Quiz generates the question bank from the cleaned notes.
	Quiz     bool
	QuizOpts quiz.Options

	// Each, when set, makes the run stream: it receives every file in
	// course order as soon as the files before it are done, with its note
	// and its cleaned note (nil if unreadable; the note itself when not
	// cleaning) still in memory, and the run keeps nothing of it afterwards
	// (Result.Files stays empty). Memory then holds the files in flight,
	// whatever the course size. Findings of course-level rules that needed
	// the whole course arrive after the last file, as one more File (Late
	// set) for each note concerned, read anew.
	Each func(f *result.File, cleaned *note.Note)

	// OutDir, when set, is the folder the cleaned copies will be written
	// to: Run lays them out (see Layout) and gives each File its Out.
	// Reserved are the other files the run writes there (reports).
	OutDir   string
	Reserved []string
	// Write, when set with OutDir, writes a cleaned copy to its path out.
	// The worker that cleaned the note calls it, so that the copies are
	// written on every core (creating thousands of files is much of a
	// run's time), in no order; a copy that could not be written reaches
	// Each with Out "" and OutErr set.
	Write func(out string, cleaned *note.Note) error

	// Read, when set, is told the size in bytes of each note a worker
	// read, as it is read (from any worker: it must be safe for
	// concurrent use). The CLI tunes the collector to the notes' size.
	Read func(size int)

	// Workers is the size of the pool; 0 means two per core.
	Workers int
	// Progress, when set, receives a progress bar (a terminal).
	Progress io.Writer
}

// A Result is what a run produced, in course order.
type Result struct {
	Files  []result.File // every file, when the run does not stream (Config.Each)
	Bank   *quiz.Bank
	Errors []error // inputs that could not be found or read
	// Notices say where the layout of the output folder differs from the
	// usual one, and why (Config.OutDir).
	Notices []string
	// Refused are the inputs whose cleaned copy is not written, since it
	// would be written over an input (Config.OutDir).
	Refused []error
	Elapsed time.Duration
	// Read is what was read when the config named no path: "source" or
	// "." (DefaultInput).
	Read string

	summary result.Summary // counted as files are done, so a streamed run has it too
}

// Run executes the stages the config asks for. Files that cannot be read are
// recorded in Result.Errors (and on their File) and the others still
// processed; Run itself fails only on a configuration problem.
//
// Its steps: the defaults, the inputs (standard input, the paths and the
// ignore patterns), the plan of feeding them (walked as they are checked,
// or listed first for a progress bar or an output layout), the course-level
// rules and the question bank that take each note in course order, the
// workers, the errors in the order the user meets them, the course rules'
// second look, and the question bank.
func Run(cfg Config) (*Result, error) {
	start := time.Now()
	r, err := newRun(cfg)
	if err != nil {
		return nil, err
	}
	paths := r.takeStdin(r.inputPaths())
	if err := r.planFeed(paths, ignoreFunc(r.cfg.Project)); err != nil {
		return nil, err
	}
	r.startCourse()
	r.process()
	r.gatherErrors()
	r.revisit()
	r.buildBank()
	r.res.Elapsed = time.Since(start)
	return r.res, nil
}

// A run is the state of one Run, from step to step.
type run struct {
	cfg  Config
	opts lint.Options
	res  *Result

	stdin    *load.Input // a note on standard input, read first
	findErrs []error     // paths that could not be found or listed
	readErrs []error     // files that could not be read

	feed   func(send func(load.Input)) // sends the inputs in course order
	total  int                         // how many, -1 when walked as they go
	layout *Layout                     // where cleaned copies go (Config.OutDir)

	course *lint.Course  // the course-level rules, when checking
	bank   *quiz.Builder // the question bank, when quizzing
}

// newRun fills in the config's defaults: the default pack, an empty
// project config.
func newRun(cfg Config) (*run, error) {
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
	return &run{cfg: cfg, opts: lint.Options{Pack: cfg.Pack, Config: cfg.Project}, res: &Result{}, total: -1}, nil
}

// startCourse sets up what takes each note in course order: the
// course-level rules (and the pack's matchers, built while the first notes
// are read) and the question bank, which takes what it needs of each note
// as the note is done (its sentences, read by the worker), so the notes
// need not be kept for it.
func (r *run) startCourse() {
	if r.cfg.Check {
		go check.Prepare(r.cfg.Pack)
		r.course = lint.NewCourse(r.opts)
	}
	if r.cfg.Quiz {
		r.bank = quiz.NewBuilder(r.cfg.Pack)
	}
}

// process runs the workers over the inputs, with a progress bar, and hands
// each file to done in course order.
func (r *run) process() {
	bar := newProgress(r.cfg.Progress, max(r.total, 0), noteStage(r.cfg))
	workers := r.cfg.Workers
	if workers <= 0 {
		// Two a core: a worker opening or reading a file leaves its core
		// idle for the system call, and a course is thousands of small
		// files (BenchmarkCheckProcess measures it).
		workers = 2 * runtime.GOMAXPROCS(0)
	}
	inOrder(r.feed, workers, func(in load.Input) outcome {
		res := r.work(in)
		bar.Add(1)
		return res
	}, r.done)
	bar.Finish()
}

// work is what a worker does with one input: read, clean and check it, and
// take what the question bank needs.
func (r *run) work(in load.Input) outcome {
	f, cleaned, older, checked := processOne(in, r.cfg, r.opts)
	var read *quiz.Read
	if r.bank != nil && f.Err == nil && cleaned != nil {
		if checked == nil {
			checked = lint.Check(cleaned, r.opts)
		}
		read = r.bank.Read(cleaned, stillFlagged(cleaned, checked, older))
	}
	if r.cfg.Write != nil && r.layout != nil && f.Err == nil && cleaned != nil {
		if out := r.layout.Out(f.Path); out != "" {
			f.OutErr = r.cfg.Write(out, cleaned)
		}
	}
	// Done with this note's structure: keep only its text, line table
	// and memos for the course-level rules and the caller.
	if f.Note != nil {
		f.Note.Compact()
	}
	if cleaned != nil && cleaned != f.Note {
		cleaned.Compact()
	}
	return outcome{f, cleaned, read}
}

// done hands each file to the course-level rules, the counts, the
// question bank and the caller, in course order.
func (r *run) done(_ load.Input, w outcome) {
	f := w.file
	if w.read != nil {
		r.bank.Add(w.read)
	}
	if f.Err != nil {
		r.readErrs = append(r.readErrs, f.Err)
	} else {
		r.courseNote(&f)
		if r.layout != nil && f.OutErr == nil {
			f.Out = r.layout.Out(f.Path)
		}
	}
	r.res.count(&f)
	r.hand(&f, w.cleaned)
}

// courseNote shows a read file's note to the course-level rules, in
// course order, and adds what they find in it at once.
func (r *run) courseNote(f *result.File) {
	if r.course == nil {
		return
	}
	if extra := r.course.Note(f.Note); len(extra) > 0 {
		f.Findings = append(f.Findings, extra...)
		rule.SortFindings(f.Findings)
	}
}

// hand gives a file that is done to the caller (Config.Each) when the run
// streams, or keeps it in the result.
func (r *run) hand(f *result.File, cleaned *note.Note) {
	if r.cfg.Each != nil {
		r.cfg.Each(f, cleaned)
		return
	}
	r.res.Files = append(r.res.Files, *f)
}

// gatherErrors puts the errors in the order the user meets them: paths,
// then files. What a walk tells without failing (the entries it left
// out) are notices, before the layout's.
func (r *run) gatherErrors() {
	var notices []string
	r.findErrs = slices.DeleteFunc(r.findErrs, func(err error) bool {
		var n *load.Notice
		if errors.As(err, &n) {
			notices = append(notices, n.Error())
			return true
		}
		return false
	})
	r.res.Notices = append(notices, r.res.Notices...)
	r.res.Errors = append(r.findErrs, r.readErrs...)
}

// buildBank makes the question bank of what the workers read, when
// quizzing.
func (r *run) buildBank() {
	if r.bank == nil {
		return
	}
	done := Stage(r.cfg.Progress, "building questions")
	r.res.Bank = r.bank.Bank(r.cfg.QuizOpts)
	done()
}

// revisit gives the course-level rules their second look, at the notes
// whose findings needed the whole course: from memory when the run kept
// its notes, read anew when it streamed them.
func (r *run) revisit() {
	if r.course == nil {
		return
	}
	paths := r.course.Revisit()
	r.res.Notices = append(r.res.Notices, r.course.Notices()...)
	if len(paths) == 0 {
		return
	}
	if r.cfg.Each == nil {
		r.revisitKept(paths)
		return
	}
	for _, path := range paths {
		r.revisitStreamed(path)
	}
}

// revisitKept adds the second look's findings to the files the run kept.
func (r *run) revisitKept(paths []string) {
	res := r.res
	kept := make(map[string]*result.File, len(res.Files))
	for j := range res.Files {
		if f := &res.Files[j]; f.Note != nil {
			kept[f.Path] = f
		}
	}
	for _, path := range paths {
		if f := kept[path]; f != nil {
			extra := r.course.Again(f.Note)
			res.count(&result.File{Findings: extra, Late: true})
			f.Findings = append(f.Findings, extra...)
			rule.SortFindings(f.Findings)
		}
	}
}

// revisitStreamed reads a note the run streamed again and hands the
// second look's findings to the caller, as one more File (Late).
func (r *run) revisitStreamed(path string) {
	// The run kept no list of its inputs: the path says how to read it.
	in := load.Input{Path: path, Rel: filepath.Base(path), Format: load.FormatOf(path)}
	if r.stdin != nil && path == r.stdin.Path {
		in = *r.stdin
	}
	n, err := load.Read(in, r.cfg.Load)
	if err != nil {
		// Changed or gone since the first look: nothing to report on.
		r.res.Errors = append(r.res.Errors, err)
		return
	}
	f := result.File{Path: path, Note: n, Findings: r.course.Again(n), Late: true}
	r.res.count(&f)
	r.cfg.Each(&f, nil)
}

// DefaultInput is what a run reads when it is named no path: the folder
// source if there is one, the current folder otherwise.
func DefaultInput() string {
	if info, err := os.Stat("source"); err == nil && info.IsDir() {
		return "source"
	}
	return "."
}

// count adds a file that is done to the run's counts.
func (res *Result) count(f *result.File) {
	s := &res.summary
	if f.Err != nil {
		s.Unreadable++
		return
	}
	if !f.Late {
		s.Notes++
	}
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

// An outcome is what a worker made of one input.
type outcome struct {
	file    result.File
	cleaned *note.Note
	read    *quiz.Read // what the question bank takes of it
}

// Summary counts what a run did, for the one-line summary and the reports.
func (r *Result) Summary() result.Summary {
	s := r.summary
	s.Seconds = r.Elapsed.Seconds()
	if r.Bank != nil {
		s.Questions = len(r.Bank.Questions)
	}
	// Inputs that could not be found count as unreadable too; a folder
	// with no note is no file that could not be read (check's summary
	// does not count it either).
	s.Unreadable = 0
	for _, err := range r.Errors {
		var none *load.NoNotes
		if !errors.As(err, &none) {
			s.Unreadable++
		}
	}
	s.Read = r.Read
	return s
}
