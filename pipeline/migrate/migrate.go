// Package migrate reports what a course must change, and review, to
// teach another edition: the places whose wording the new edition changed
// (with the replacement), its unsettled points, the sections whose subject
// the new syllabus reshaped or no longer examines, and the syllabus areas
// no note covers yet. The run checks the notes with the new edition's pack
// and two rules (Config); a Sink takes each file as the run streams it,
// and Migration.WriteReport writes what it gathered.
package migrate

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"slices"
	"strings"
	"unicode"

	"github.com/itilint/itilint/pipeline/check"
	"github.com/itilint/itilint/pipeline/config"
	"github.com/itilint/itilint/pipeline/edit"
	"github.com/itilint/itilint/pipeline/emit"
	"github.com/itilint/itilint/pipeline/lint"
	"github.com/itilint/itilint/pipeline/note"
	"github.com/itilint/itilint/pipeline/pack"
	"github.com/itilint/itilint/pipeline/result"
	"github.com/itilint/itilint/pipeline/rule"
	"github.com/itilint/itilint/pipeline/safefile"
)

// Formats are the report formats: md is for a person planning the
// rewrite, the others are check's.
var Formats = []string{"text", "md", "json", "sarif"}

// SectionReview is the rule ID of a migration finding on a section whose
// subject the new edition reshaped or no longer examines as such.
const SectionReview = "section-review"

// A Migration from one edition's pack to another's: the sections to
// review and the syllabus areas' cues it looks for, and what it gathers
// while the run streams (the areas the course covers, the findings of the
// Markdown report).
type Migration struct {
	from, to *pack.Pack
	reviews  []sectionPattern
	areas    []areaCues
	// cues[area][cue]: the course names the cue; an area is covered when
	// it names two of its cues (one when it has one), so that a passing
	// "artificial intelligence" in a list of technologies does not count
	// as teaching ITIL and AI.
	cues map[string]map[string]bool

	changes, toReview []item // for md
	notes             int
}

// An item is one finding of the report, located on disk.
type item struct {
	Where   string // path:line:col
	Rule    string
	Message string
}

// sectionPattern is what marks a heading as about a reviewed list: its
// nouns and member names, lower case.
type sectionPattern struct {
	list  pack.List
	why   string
	words []string
}

// areaCues are the lower-case words and phrases whose presence in a note
// shows it covers a syllabus area, and the acronyms (case kept).
type areaCues struct {
	area     pack.Area
	phrases  []string
	acronyms []string
}

// Config is the project config of a migration run: cfg with every rule
// off but the two that report a migration: older-wording and unsettled-point (their
// severity overrides kept).
func Config(cfg *config.Config) *config.Config {
	mc := *cfg
	mc.Rules = map[string]string{}
	for _, id := range lint.IDs() {
		if id != check.OlderWording.ID && id != check.UnsettledPoint.ID {
			mc.Rules[id] = "off"
		} else if v := cfg.Rules[id]; v != "" {
			mc.Rules[id] = v
		}
	}
	return &mc
}

// New prepares the migration of notes read with the pack from to the
// edition of the pack to: the target pack (its history phrases dropped:
// an ITIL 4 course names ITIL 4 in every other sentence, and every place
// must be listed), the section patterns of its reviews and the cues of
// its syllabus areas.
func New(from, to *pack.Pack) *Migration {
	t := to.Clone()
	t.History = nil
	m := &Migration{from: from, to: t, cues: map[string]map[string]bool{}}
	// Names the new pack still uses do not mark a section to review
	// ("Continual improvement" is a practice of ITIL 4 and a component of
	// the Version 5 value system).
	current := map[string]bool{}
	for _, tm := range to.Terms {
		current[strings.ToLower(tm.Term)] = true
	}
	for _, l := range to.Lists {
		for _, mb := range l.Members {
			current[strings.ToLower(mb.Name)] = true
		}
	}
	for _, r := range to.Reviews {
		l, ok := from.List(r.List)
		if !ok {
			continue
		}
		sp := sectionPattern{list: l, why: r.Why}
		for _, n := range l.Nouns {
			sp.words = append(sp.words, strings.ToLower(n))
		}
		for _, mb := range l.Members {
			for _, name := range append([]string{mb.Name}, mb.Accepted...) {
				if !current[strings.ToLower(name)] {
					sp.words = append(sp.words, strings.ToLower(name))
				}
			}
		}
		m.reviews = append(m.reviews, sp)
	}
	m.areas = syllabusCues(to, from)
	return m
}

// syllabusCues gathers, for each area of the new pack's syllabus, the
// terms and list names of its topics, terms and members: a note that holds
// one covers the area. Forms that are the old pack's wording to replace
// ("lifecycle stages" was ITIL v3's) show nothing, nor do one-word list
// nouns ("dimensions").
func syllabusCues(to, from *pack.Pack) []areaCues {
	if to.Syllabus == nil {
		return nil
	}
	old := map[string]bool{}
	for _, ph := range from.Phrases {
		for _, w := range ph.Wrong {
			old[strings.ToLower(w)] = true
		}
	}
	var out []areaCues
	for _, a := range to.Syllabus.Areas {
		ac := areaCues{area: a}
		add := func(s string) {
			switch {
			case s == "" || old[strings.ToLower(s)]:
			case isAcronym(s):
				ac.acronyms = append(ac.acronyms, s)
			default:
				ac.phrases = append(ac.phrases, strings.ToLower(s))
			}
		}
		for _, t := range to.Terms {
			if slices.Contains(a.Topics, t.Topic) || slices.Contains(a.Terms, t.ID) {
				add(t.Term)
				for _, acc := range t.Accepted {
					add(acc)
				}
			}
		}
		for _, l := range to.Lists {
			if !slices.Contains(a.Topics, l.Topic) && !slices.Contains(a.Members, l.ID) {
				continue
			}
			for _, n := range append(append([]string(nil), l.Nouns...), l.Context...) {
				if strings.Contains(n, " ") {
					add(n)
				}
			}
			for _, mb := range l.Members {
				if strings.Contains(mb.Name, " ") {
					add(mb.Name)
				}
			}
		}
		out = append(out, ac)
	}
	return out
}

func isAcronym(s string) bool {
	if len(s) < 2 || len(s) > 6 {
		return false
	}
	for _, r := range s {
		if !unicode.IsUpper(r) && !unicode.IsDigit(r) {
			return false
		}
	}
	return true
}

// cover notes the cues of each area a note's text names.
func (m *Migration) cover(text []byte) {
	lower := strings.ToLower(string(text))
	for _, ac := range m.areas {
		seen := m.cues[ac.area.ID]
		if seen == nil {
			seen = map[string]bool{}
			m.cues[ac.area.ID] = seen
		}
		for _, p := range ac.phrases {
			if !seen[p] && containsWord(lower, p) {
				seen[p] = true
			}
		}
		for _, a := range ac.acronyms {
			if !seen[a] && containsWord(string(text), a) {
				seen[a] = true
			}
		}
	}
}

// covered reports whether the course names enough of an area's cues.
func (m *Migration) covered(ac areaCues) bool {
	return len(m.cues[ac.area.ID]) >= min(2, len(ac.phrases)+len(ac.acronyms))
}

// containsWord reports whether w stands in s with no letter or digit
// right before or after it (a plural "s" aside).
func containsWord(s, w string) bool {
	for i := 0; ; {
		j := strings.Index(s[i:], w)
		if j < 0 {
			return false
		}
		j += i
		k := j + len(w)
		if k < len(s) && s[k] == 's' {
			k++
		}
		if (j == 0 || !isWordRune(s[j-1])) && (k == len(s) || !isWordRune(s[k])) {
			return true
		}
		i = j + 1
	}
}

func isWordRune(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c >= 0x80
}

// sectionFindings reports the first heading of a note that names a
// reviewed list or one of its members, as a section-review suggestion
// that counts the note's other such headings; it stands for the other
// suggestions of the headings it counts.
func (m *Migration) sectionFindings(n *note.Note, fs []rule.Finding) []rule.Finding {
	if len(m.reviews) == 0 {
		return fs
	}
	var reviewed []rule.Finding
	var spans [][2]int     // the heading lines a review stands for
	first := map[int]int{} // review → index in reviewed
	more := map[int]int{}
	for _, b := range n.Blocks() {
		if b.Kind != note.Heading {
			continue
		}
		heading := strings.TrimSpace(b.Content(n.Text))
		lower := strings.ToLower(heading)
		for ri, sp := range m.reviews {
			if !slices.ContainsFunc(sp.words, func(w string) bool { return containsWord(lower, w) }) {
				continue
			}
			start, end := b.Start, b.End
			if len(b.Lines) > 0 {
				start, end = b.Lines[0].Start, b.Lines[0].End
			}
			spans = append(spans, [2]int{start, end})
			if _, ok := first[ri]; ok {
				more[ri]++
				break
			}
			first[ri] = len(reviewed)
			msg := rule.Messagef("section %q is about %s: %s", heading, strings.ToLower(sp.list.Name[:1])+sp.list.Name[1:], sp.why)
			reviewed = append(reviewed, rule.Finding{Rule: SectionReview, Severity: rule.Suggestion, Message: msg, Start: start, End: end})
			break
		}
	}
	if len(reviewed) == 0 {
		return fs
	}
	for ri, k := range more {
		noun := "sections"
		if k == 1 {
			noun = "section"
		}
		reviewed[first[ri]].Message += fmt.Sprintf(" (and %d more %s of this note)", k, noun)
	}
	out := fs[:0]
	for _, x := range fs {
		onHeading := slices.ContainsFunc(spans, func(sp [2]int) bool { return x.Start >= sp[0] && x.End <= sp[1] })
		if !onHeading || x.Severity >= rule.Warning {
			out = append(out, x)
		}
	}
	return append(out, reviewed...)
}

// collect keeps a file's findings, located on disk, for the Markdown
// report.
func (m *Migration) collect(f *result.File) {
	for _, x := range f.Findings {
		pos := f.Note.Position(x.Start)
		it := item{Where: fmt.Sprintf("%s:%d:%d", f.Path, pos.Line, pos.Col), Rule: x.Rule, Message: x.Message}
		if x.Severity >= rule.Warning {
			m.changes = append(m.changes, it)
		} else {
			m.toReview = append(m.toReview, it)
		}
	}
}

// rename applies, or shows as a diff, the fixes of the must-change
// findings: the mechanical renames.
func (s *Sink) rename(f *result.File) (int, error) {
	var edits []edit.Edit
	for _, x := range f.Findings {
		if x.Fix == nil || x.Severity < rule.Warning || x.Rule != check.OlderWording.ID {
			continue
		}
		if e, err := edit.Sort(append(append([]edit.Edit(nil), edits...), x.Fix.Edits...), len(f.Note.Text)); err == nil {
			edits = e
		}
	}
	if len(edits) == 0 {
		return 0, nil
	}
	after, err := edit.Apply(f.Note.Text, edits)
	if err != nil {
		return 0, fmt.Errorf("%s: %w", f.Path, err)
	}
	if s.Diff {
		fmt.Fprint(s.W, emit.Diff(f.Path, f.Note.Text, after))
		return len(edits), nil
	}
	if f.Note.DiskLines != nil {
		return 0, fmt.Errorf("%s: a transcript is not rewritten in place; apply its renames by hand", f.Path)
	}
	done, err := safefile.Rewrite(f.Path, f.Note.Encode(after), safefile.RewriteOptions{})
	if err != nil {
		var ro *safefile.ReadOnlyError
		if errors.As(err, &ro) {
			err = fmt.Errorf("%w (make it writable to apply its renames)", err)
		}
		return 0, err
	}
	if done.InPlace {
		s.Notices = append(s.Notices, fmt.Sprintf("%s: written in place: %s", f.Path, done.Why))
	}
	return len(edits), nil
}

// uncovered returns the syllabus areas no note covers, in syllabus order.
func (m *Migration) uncovered() []pack.Area {
	var out []pack.Area
	for _, ac := range m.areas {
		if !m.covered(ac) {
			out = append(out, ac.area)
		}
	}
	return out
}

func (m *Migration) writeUncoveredText(w io.Writer) {
	for _, a := range m.uncovered() {
		fmt.Fprintf(w, "not covered yet: %s (%s of the %s exam)\n", a.Name, a.WeightText(), m.to.Edition)
	}
}

func (m *Migration) writeJSON(w io.Writer, findings []byte) {
	type area struct {
		ID          string  `json:"id"`
		Name        string  `json:"name"`
		Weight      float64 `json:"weight"`
		Approximate bool    `json:"approximate"`
	}
	areas := []area{}
	for _, a := range m.uncovered() {
		areas = append(areas, area{a.ID, a.Name, a.Weight, a.Approximate})
	}
	out := struct {
		From       string          `json:"from"`
		To         string          `json:"to"`
		Findings   json.RawMessage `json:"findings"`
		NotCovered []area          `json:"not_covered"`
	}{m.from.Name, m.to.Name, json.RawMessage(findings), areas}
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	enc.Encode(out)
}

// writeMarkdown writes the report a trainer reads to plan the rewrite.
func (m *Migration) writeMarkdown(w io.Writer) {
	fmt.Fprintf(w, "# Migrating the course from %s to %s\n\n", m.from.Edition, m.to.Edition)
	fmt.Fprintf(w, "%d notes read: %d places must change, %d to review; %d syllabus areas not covered yet.\n\n",
		m.notes, len(m.changes), len(m.toReview), len(m.uncovered()))
	fmt.Fprintf(w, "*Must change* is wording %s changed, which several public sources agree on; "+
		"`itilint migrate --to %s --fix` applies the renames (`--diff` shows them first). "+
		"*To review* are points the sources disagree on, or that one alone gives, and sections "+
		"whose subject the new syllabus reshaped or no longer examines as such. "+
		"The official syllabus could not be read when the rule pack was written.\n\n", m.to.Edition, m.to.Name)
	table := func(title string, items []item) {
		fmt.Fprintf(w, "## %s (%d)\n\n", title, len(items))
		if len(items) == 0 {
			fmt.Fprint(w, "Nothing.\n\n")
			return
		}
		fmt.Fprint(w, "| where | rule | what |\n| --- | --- | --- |\n")
		for _, it := range items {
			fmt.Fprintf(w, "| %s | %s | %s |\n", it.Where, it.Rule, mdCell(it.Message))
		}
		fmt.Fprintln(w)
	}
	table("Must change", m.changes)
	table("To review", m.toReview)
	un := m.uncovered()
	fmt.Fprintf(w, "## Not covered yet (%d)\n\n", len(un))
	if len(un) == 0 {
		fmt.Fprint(w, "The notes name terms of every syllabus area.\n")
		return
	}
	fmt.Fprint(w, "Syllabus areas of which the notes name fewer than two terms:\n\n| area | exam weight |\n| --- | --- |\n")
	for _, a := range un {
		fmt.Fprintf(w, "| %s | %s |\n", mdCell(a.Name), a.WeightText())
	}
	if m.to.Syllabus != nil && m.to.Syllabus.Note != "" {
		fmt.Fprintf(w, "\n%s\n", strings.TrimSpace(m.to.Syllabus.Note))
	}
}

func mdCell(s string) string {
	return strings.NewReplacer("|", "\\|", "\n", " ").Replace(s)
}
