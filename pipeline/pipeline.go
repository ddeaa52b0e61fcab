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
	"sync"
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
	// (Result.Files and Result.Cleaned stay empty). Memory then holds the
	// files in flight, whatever the course size. Findings of course-level
	// rules that needed the whole course arrive after the last file, as one
	// more File (Late set) for each note concerned, read anew.
	Each func(f *result.File, cleaned *note.Note)

	// OutDir, when set, is the folder the cleaned copies will be written
	// to: Run lays them out (see Layout) and gives each File its Out.
	// Reserved are the other files the run writes there (reports).
	OutDir   string
	Reserved []string

	// Workers is the size of the pool; 0 means two per core.
	Workers int
	// Progress, when set, receives a progress bar (a terminal).
	Progress io.Writer
}

// A Result is what a run produced, in course order.
type Result struct {
	Files   []result.File
	Cleaned []*note.Note // cleaned notes (or the inputs when not cleaning), for the quiz
	Bank    *quiz.Bank
	Errors  []error // inputs that could not be found or read
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
		if r.layout != nil {
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
		lint.Sort(f.Findings)
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
	if f.Err == nil {
		r.res.Cleaned = append(r.res.Cleaned, cleaned)
	}
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
			lint.Sort(f.Findings)
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

// inOrder runs work on a pool of workers for each item feed sends, and
// hands each result to sink in the order the items were sent, on the
// calling goroutine. At most a few items per worker are in flight: a slow
// one holds back the feeding of new ones instead of letting finished notes
// pile up in memory.
func inOrder[T, R any](feed func(send func(T)), workers int, work func(T) R, sink func(T, R)) {
	type job struct {
		i    int
		item T
	}
	type done struct {
		job
		r R
	}
	window := make(chan struct{}, 4*workers)
	jobs := make(chan job)
	out := make(chan done, workers)
	go func() {
		i := 0
		feed(func(item T) {
			window <- struct{}{}
			jobs <- job{i, item}
			i++
		})
		close(jobs)
	}()
	var wg sync.WaitGroup
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := range jobs {
				out <- done{j, work(j.item)}
			}
		}()
	}
	go func() { wg.Wait(); close(out) }()
	waiting := map[int]done{}
	next := 0
	for d := range out {
		waiting[d.i] = d
		for {
			d, ok := waiting[next]
			if !ok {
				break
			}
			delete(waiting, next)
			sink(d.item, d.r)
			next++
			<-window
		}
	}
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
//
// older counts the places the cleaning and the quiz's wording fixes
// replaced older-edition wording: a note that teaches ITIL v3 gives no
// questions, even with its terms brought up to date.
//
// checked, when not nil, are the findings of lint.Check with opts on the
// cleaned note, found on the way (a note the fixes left as it was keeps
// the findings of the first check), so the quiz need not check it again.
func processOne(in load.Input, cfg Config, opts lint.Options) (f result.File, cleaned *note.Note, older int, checked []rule.Finding) {
	j := noteJob{f: result.File{Path: in.Path}, opts: opts}
	err := j.read(in, cfg)
	if err == nil && len(cfg.FixKinds) > 0 {
		err = j.clean(cfg.FixKinds, cfg.Quiz)
	}
	if err == nil && cfg.Quiz && !cfg.FixKinds[rule.Wording] {
		err = j.fixWording()
	}
	if err != nil {
		j.f.Err = err
		return j.f, nil, 0, nil
	}
	return j.f, j.cleaned, j.older, j.checked
}

// A noteJob is one input on its way through a worker (processOne): read
// and checked, cleaned, and its wording fixed for the quiz.
type noteJob struct {
	opts    lint.Options
	f       result.File
	cleaned *note.Note     // the note as the fixes left it
	older   int            // places of older-edition wording replaced
	checked []rule.Finding // lint.Check's findings on cleaned; nil when not known
}

// read reads the input and, when the run checks, reports its findings.
func (j *noteJob) read(in load.Input, cfg Config) error {
	n, err := load.Read(in, cfg.Load)
	if err != nil {
		return err
	}
	j.f.Note = n
	if cfg.Check {
		j.f.Findings = lint.Check(n, j.opts)
	}
	j.cleaned, j.checked = n, j.f.Findings
	return nil
}

// clean applies the fixes of the kinds asked for. The check of read saw
// the same note with the same options: its findings are the fix loop's
// first round. The quiz checks the cleaned note with every rule: for it,
// the fix rounds do so, and the last of them is that check.
func (j *noteJob) clean(kinds map[rule.FixKind]bool, quiz bool) error {
	fixing := lint.FixOptions{Options: j.opts, Kinds: kinds, Initial: j.f.Findings}
	if quiz {
		fixing.Report = &j.opts
	}
	r, err := lint.Fix(j.f.Note, fixing)
	if err != nil {
		return err
	}
	j.f.Changes = r.Changes
	if r.Note != j.cleaned {
		j.checked = r.Findings
	}
	j.cleaned = r.Note
	j.older = olderChanges(r.Changes)
	return nil
}

// fixWording applies the wording fixes to the cleaned note for the quiz.
// Questions quote the notes to learners, so they are built from text with
// the terminology fixed too ("ITIL4" → "ITIL 4"), even when the cleaned
// copies keep the author's wording. Only the pack-driven rules offer
// wording fixes.
func (j *noteJob) fixWording() error {
	wording := j.opts
	wording.Only = packRules
	fixing := lint.FixOptions{Options: wording, Kinds: map[rule.FixKind]bool{rule.Wording: true}}
	if j.opts.Only == nil {
		// With every rule on, one check of the cleaned note serves
		// both the wording fixes (its pack-driven findings are their
		// first round) and the quiz, when no wording fix applies.
		if j.checked == nil {
			j.checked = lint.Check(j.cleaned, j.opts)
		}
		fixing.Initial = ofRules(j.checked, packRules)
		// And the rounds after a wording fix check with every rule:
		// the last is the quiz's check of its text.
		fixing.Report = &j.opts
	}
	r, err := lint.Fix(j.cleaned, fixing)
	if err != nil {
		return err
	}
	if r.Note != j.cleaned {
		j.checked = r.Findings
	}
	j.cleaned = r.Note
	j.older += olderChanges(r.Changes)
	return nil
}

// ofRules returns the findings of fs by the rules in ids, in order (never
// nil, so lint.Fix takes them as its first round).
func ofRules(fs []rule.Finding, ids map[string]bool) []rule.Finding {
	out := make([]rule.Finding, 0, len(fs))
	for _, f := range fs {
		if ids[f.Rule] {
			out = append(out, f)
		}
	}
	return out
}

// olderRules report wording of an earlier edition ("service lifecycle").
var olderRules = map[string]bool{"v3-term": true, "older-wording": true}

func olderChanges(cs []rule.Change) int {
	n := 0
	for _, c := range cs {
		if olderRules[c.Rule] {
			n++
		}
	}
	return n
}

// Summary counts what a run did, for the one-line summary and the reports.
func (r *Result) Summary() result.Summary {
	s := r.summary
	s.Seconds = r.Elapsed.Seconds()
	if r.Bank != nil {
		s.Questions = len(r.Bank.Questions)
	}
	// Inputs that could not be found count as unreadable too.
	s.Unreadable = len(r.Errors)
	s.Read = r.Read
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

// MaxOlderWording is how many places of older-edition wording (fixed or
// not) a note may hold and still give questions: more, and the note
// teaches the older edition ("the five stages of the service lifecycle")
// whatever its terms are brought up to.
const MaxOlderWording = 2

// stillFlagged returns the byte ranges of n that findings (lint.Check's
// on n) report as a warning or an error: a question must not quote a sentence with a slip.
// A note with more than MaxOlderWording places of older wording (older
// counts those already fixed) is flagged whole.
func stillFlagged(n *note.Note, findings []rule.Finding, older int) [][2]int {
	var out [][2]int
	for _, f := range findings {
		if f.Severity >= rule.Warning {
			out = append(out, [2]int{f.Start, f.End})
		}
		if olderRules[f.Rule] {
			older++
		}
	}
	if older > MaxOlderWording {
		return [][2]int{{0, len(n.Text)}}
	}
	return out
}
