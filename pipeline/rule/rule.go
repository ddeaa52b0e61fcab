// Package rule owns the vocabulary shared by every check and every repair:
// a Rule is a value with an ID and a Run function; Run reports Findings
// through a Pass; a Finding may carry a Fix made of edits.
//
// The design follows golang.org/x/tools/go/analysis: rules never print and
// never change a note; the engine (package lint) decides what to do with
// what they report.
package rule

import (
	"cmp"
	"fmt"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"github.com/itilint/itilint/pipeline/edit"
	"github.com/itilint/itilint/pipeline/note"
)

// Severity orders findings for --fail-on.
type Severity int

const (
	Suggestion Severity = iota + 1
	Warning
	Error
)

func (s Severity) String() string {
	switch s {
	case Suggestion:
		return "suggestion"
	case Warning:
		return "warning"
	case Error:
		return "error"
	}
	return fmt.Sprintf("Severity(%d)", int(s))
}

// MarshalText writes the severity's name, as JSON and YAML show it.
func (s Severity) MarshalText() ([]byte, error) { return []byte(s.String()), nil }

// ParseSeverity reads "error", "warning" or "suggestion".
func ParseSeverity(s string) (Severity, error) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "error":
		return Error, nil
	case "warning":
		return Warning, nil
	case "suggestion", "info":
		return Suggestion, nil
	}
	return 0, fmt.Errorf("unknown severity %q (want error, warning or suggestion)", s)
}

// FixKind says how far a fix may change a document, which decides whether
// `fix` applies it.
type FixKind int

const (
	// Safe fixes keep the rendered HTML identical: whitespace, spacing,
	// heading markers. `fix --safe` applies only these.
	Safe FixKind = iota + 1
	// Structural fixes repair transcript damage and are meant to change the
	// rendering: joining split words, merging broken paragraphs,
	// de-indenting prose that renders as code. `fix` applies them.
	Structural
	// Wording fixes change what the text says (terminology, official
	// names, phrasing). They are offered in reports, SARIF and --diff,
	// and `fix` applies them only with --wording.
	Wording
)

func (k FixKind) String() string {
	switch k {
	case Safe:
		return "safe"
	case Structural:
		return "structural"
	case Wording:
		return "wording"
	}
	return fmt.Sprintf("FixKind(%d)", int(k))
}

// MarshalText writes the kind's name.
func (k FixKind) MarshalText() ([]byte, error) { return []byte(k.String()), nil }

// A Fix is one way to resolve a finding.
type Fix struct {
	Message string
	Kind    FixKind
	Edits   []edit.Edit
}

// NewFix returns a fix made of the one edit e. Most repairs are one edit,
// and a note can have a finding every few hundred bytes: the fix and its
// edit are made in one allocation instead of two.
func NewFix(message string, kind FixKind, e edit.Edit) *Fix {
	f := &struct {
		fix  Fix
		edit [1]edit.Edit
	}{edit: [1]edit.Edit{e}}
	f.fix = Fix{Message: message, Kind: kind, Edits: f.edit[:]}
	return &f.fix
}

// Messagef formats a message as fmt.Sprintf does, with string arguments.
// Formats whose only verbs are %s and %q (and %% for a percent sign), with
// one argument a verb, take one allocation, the message: fmt.Sprintf also
// boxes every argument, and messages are made for every finding. Any other
// format (another verb, flags, a missing or extra argument) is handed to
// fmt, so a mistake shows in the message as fmt shows it ("%!s(MISSING)")
// rather than panicking. vet cannot check these calls (the arguments are
// strings, not ...any): TestMessagefCalls in package pipeline does.
func Messagef(format string, args ...string) string {
	var buf [192]byte
	return string(AppendMessagef(buf[:0], format, args...))
}

// AppendMessagef appends to b what Messagef returns, for callers that keep
// their messages in a buffer of their own.
func AppendMessagef(b []byte, format string, args ...string) []byte {
	start, rest := len(b), args
	for i := 0; i < len(format); i++ {
		c := format[i]
		if c != '%' {
			b = append(b, c)
			continue
		}
		i++
		switch {
		case i < len(format) && format[i] == '%':
			b = append(b, '%')
		case i < len(format) && format[i] == 's' && len(rest) > 0:
			b = append(b, rest[0]...)
			rest = rest[1:]
		case i < len(format) && format[i] == 'q' && len(rest) > 0:
			b = appendQuoted(b, rest[0])
			rest = rest[1:]
		default:
			return appendSprintf(b[:start], format, args)
		}
	}
	if len(rest) > 0 {
		return appendSprintf(b[:start], format, args)
	}
	return b
}

// appendQuoted appends s quoted as strconv.AppendQuote does. Nearly every
// string a message quotes (a word, a phrase) is printable ASCII with no
// quotation mark or backslash, which strconv writes as it stands between
// the quotes, after decoding each rune and looking it up in its tables of
// printable runes. FuzzAppendQuoted holds it to strconv.AppendQuote.
func appendQuoted(b []byte, s string) []byte {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c < ' ' || c > '~' || c == '"' || c == '\\' {
			return strconv.AppendQuote(b, s)
		}
	}
	b = append(b, '"')
	b = append(b, s...)
	return append(b, '"')
}

// appendSprintf appends fmt.Sprintf of string arguments to b. Neither b
// nor the arguments are handed to fmt (copies are), so that on the common
// path Messagef's buffer and its callers' argument strings stay on the
// stack.
func appendSprintf(b []byte, format string, args []string) []byte {
	boxed := make([]any, len(args))
	for i, a := range args {
		boxed[i] = strings.Clone(a)
	}
	return append(b, fmt.Sprintf(format, boxed...)...)
}

// A Finding is one thing a rule reports, at a byte range of the note's text.
type Finding struct {
	Rule     string
	Severity Severity
	Message  string
	Start    int
	End      int
	Fix      *Fix
}

// A Change is one applied fix, for reports and reviews.
type Change struct {
	Rule    string        `json:"rule"`
	Kind    FixKind       `json:"kind"`
	Message string        `json:"message"`
	Pos     note.Position `json:"-"`
	Line    int           `json:"line"`
	Before  string        `json:"before"`
	After   string        `json:"after"`
	Edits   []edit.Edit   `json:"-"`
}

// SortFindings orders findings by position, then rule, then message, so
// output is deterministic whatever order rules ran in.
func SortFindings(fs []Finding) { slices.SortStableFunc(fs, CompareFindings) }

// CompareFindings is the order of SortFindings.
func CompareFindings(a, b Finding) int {
	if c := cmp.Compare(a.Start, b.Start); c != 0 {
		return c
	}
	if c := cmp.Compare(a.End, b.End); c != 0 {
		return c
	}
	if c := strings.Compare(a.Rule, b.Rule); c != 0 {
		return c
	}
	return strings.Compare(a.Message, b.Message)
}

// A Rule is a check (and often a repair) with a stable ID.
type Rule struct {
	ID       string
	Doc      string // first line: a one-line summary; the rest: why
	Severity Severity
	// Good and Bad are example notes: the test suite checks that the rule
	// is silent on every Good one and reports on every Bad one.
	Good, Bad []string
	// Edition, when set, is the pack edition ("itil5") the examples are
	// checked with; they are checked with the default pack otherwise.
	Edition string
	// Run checks one note.
	Run func(*Pass)
	// Course, when set, makes this a course-level rule: it starts the
	// rule's check of one run, which then sees every note in course order
	// (sorted by path).
	Course func(Pack) CourseCheck
}

// Summary is the first line of the rule's Doc.
func (r *Rule) Summary() string {
	s, _, _ := strings.Cut(r.Doc, "\n")
	return s
}

var idPattern = regexp.MustCompile(`^[a-z][a-z0-9]*(-[a-z0-9]+)*$`)

// Validate checks a list of rules: IDs well-formed and unique, a doc, a
// severity and a Run or Course function for each.
func Validate(rules []*Rule) error {
	seen := map[string]bool{}
	for i, r := range rules {
		switch {
		case r == nil:
			return fmt.Errorf("rule %d is nil", i)
		case !idPattern.MatchString(r.ID):
			return fmt.Errorf("rule %d: ID %q is not kebab-case", i, r.ID)
		case seen[r.ID]:
			return fmt.Errorf("rule %s: duplicate ID", r.ID)
		case strings.TrimSpace(r.Doc) == "":
			return fmt.Errorf("rule %s: no Doc", r.ID)
		case r.Severity < Suggestion || r.Severity > Error:
			return fmt.Errorf("rule %s: no severity", r.ID)
		case r.Run == nil && r.Course == nil:
			return fmt.Errorf("rule %s: no Run function", r.ID)
		}
		seen[r.ID] = true
	}
	return nil
}

// A Pack is the rule pack a note is checked against: package pack's
// *Pack, or nil for the default. Package rule hands it to the rules and
// keys the analyses of a note by it, but never reads it, so that the
// vocabulary of rules and findings does not depend on the schema of the
// pack, which sits above it; a rule that reads it takes it back with
// pack.Of.
//
// Its one method only marks the types that are packs, as protobuf's
// ProtoMessage marks messages: where an empty interface would take a
// string or a config passed by mistake, the compiler now says no. A type
// parameter (Pass[P]) would have typed it fully, but every rule, pass and
// analysis would carry it for a value most rules never read.
type Pack interface {
	// RulePack does nothing: implementing it says "this is a rule pack".
	RulePack()
}

// A Pass is what a rule sees while it checks one note.
type Pass struct {
	Note   *note.Note
	Pack   Pack
	Rule   *Rule
	report func(Finding)
}

// An Analysis is work that several rules share, as go/analysis's
// Analyzer.Requires and pass.ResultOf share an analyzer's result: a rule
// asks for it with ResultOf, and it is computed once per note and pack,
// whichever rule asks first. The result is derived from the note's parsed
// structure (note.StructureMemo) and goes when the note compacts it; a result
// that is a note.Releaser is released then, so whatever a rule keeps (a
// finding) must not share memory that Release hands on.
type Analysis[T any] struct {
	Name string // what the result is, for readers and debuggers
	// Run computes the result of a note; p is the pass's pack, nil for the
	// default.
	Run func(n *note.Note, p Pack) T
}

// Of returns the analysis of n with pack p, computed once.
func (a *Analysis[T]) Of(n *note.Note, p Pack) T {
	// The note keeps the analysis's results under the analysis itself: a
	// pointer is a key that costs nothing to box, where a key of analysis
	// and pack took an allocation on every call, and rules ask for an
	// analysis dozens of times a note.
	rs := n.StructureMemo(a, newAnalysisResults[T]).(*analysisResults[T])
	for i := range rs.results {
		if rs.results[i].pack == p {
			return rs.results[i].value
		}
	}
	v := a.Run(n, p)
	rs.results = append(rs.results, packResult[T]{p, v})
	return v
}

// analysisResults are the results of one analysis on a note, one per pack
// (a note can be checked against more than one).
type analysisResults[T any] struct {
	results []packResult[T]
	first   [1]packResult[T] // results' first backing: one pack, nearly always
}

type packResult[T any] struct {
	pack  Pack
	value T
}

func newAnalysisResults[T any](*note.Note) any {
	rs := &analysisResults[T]{}
	rs.results = rs.first[:0]
	return rs
}

// Release releases the results that are note.Releasers, as the note does
// with a memo when it compacts its structure.
func (rs *analysisResults[T]) Release() {
	for _, r := range rs.results {
		if rel, ok := any(r.value).(note.Releaser); ok {
			rel.Release()
		}
	}
}

// ResultOf returns the analysis a of the pass's note.
func ResultOf[T any](p *Pass, a *Analysis[T]) T { return a.Of(p.Note, p.Pack) }

// NewPass returns a pass that hands findings to report.
func NewPass(n *note.Note, p Pack, r *Rule, report func(Finding)) *Pass {
	return &Pass{Note: n, Pack: p, Rule: r, report: report}
}

// Report records a finding; the rule's ID and severity are filled in when
// the finding leaves them empty.
func (p *Pass) Report(f Finding) { p.report(p.Rule.fill(f)) }

// fill gives f the rule's ID and severity where it leaves them empty.
func (r *Rule) fill(f Finding) Finding {
	if f.Rule == "" {
		f.Rule = r.ID
	}
	if f.Severity == 0 {
		f.Severity = r.Severity
	}
	return f
}

// Reportf records a finding with a formatted message and no fix.
func (p *Pass) Reportf(start, end int, format string, args ...any) {
	p.Report(Finding{Start: start, End: end, Message: fmt.Sprintf(format, args...)})
}

// A CourseCheck is a course-level rule at work on one run. It sees the notes
// one at a time, in course order, while each is in memory, and keeps between
// notes only what it needs (counts, names, paths), never the notes: a course
// of any size is checked with only the files in flight in memory.
//
// A finding that only the whole course can decide ("this spelling is the
// less used one") is reported in a second look: after the last note, Revisit
// names the notes to look at again, and each is read anew and handed to
// Again.
//
// A CourseCheck that has something to say of the run as a whole, not of
// one note (which folders it compared only within themselves), also has
// a method Notices() []string, asked once Revisit is done; the run shows
// what it returns with its other notices.
type CourseCheck interface {
	// Note checks the next note in course order.
	Note(*CoursePass)
	// Revisit lists, once every note has been seen, the paths of the notes
	// Again must see, in course order.
	Revisit() []string
	// Again checks a note named by Revisit, with the whole course known.
	Again(*CoursePass)
}

// A CoursePass is what a course-level rule sees of one note.
type CoursePass struct {
	Note   *note.Note
	Pack   Pack
	Rule   *Rule
	report func(Finding)
}

// NewCoursePass returns a course pass over n that hands findings to report.
func NewCoursePass(n *note.Note, p Pack, r *Rule, report func(Finding)) *CoursePass {
	return &CoursePass{Note: n, Pack: p, Rule: r, report: report}
}

// Report records a finding in the pass's note; the rule's ID and severity
// are filled in when the finding leaves them empty.
func (p *CoursePass) Report(f Finding) { p.report(p.Rule.fill(f)) }

// DocsBaseURL is where the documentation page of every rule is published:
// docs/rules/ID.md of the repository, generated by `itilint rules --docs`.
const DocsBaseURL = "https://github.com/itilint/itilint/blob/main/docs/rules/"

// DocsExt ends the name of a rule's documentation page, after its ID.
const DocsExt = ".md"

// DocURL is the address of the documentation page of the rule id.
func DocURL(id string) string { return DocsBaseURL + id + DocsExt }
