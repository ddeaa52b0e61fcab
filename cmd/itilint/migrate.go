package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"
	"unicode"

	"github.com/urfave/cli/v2"

	"github.com/itilint/itilint/pipeline"
	"github.com/itilint/itilint/pipeline/check"
	"github.com/itilint/itilint/pipeline/config"
	"github.com/itilint/itilint/pipeline/edit"
	"github.com/itilint/itilint/pipeline/emit"
	"github.com/itilint/itilint/pipeline/lint"
	"github.com/itilint/itilint/pipeline/note"
	"github.com/itilint/itilint/pipeline/pack"
	"github.com/itilint/itilint/pipeline/result"
	"github.com/itilint/itilint/pipeline/rule"
)

// migrateFormats are the report formats of migrate: md is for a person
// planning the rewrite, the others are check's.
var migrateFormats = []string{"text", "md", "json", "sarif"}

// sectionReview is the rule ID of a migration finding on a section whose
// subject the new edition reshaped or no longer examines as such.
const sectionReview = "section-review"

func migrateCommand() *cli.Command {
	return &cli.Command{
		Name:      "migrate",
		Usage:     "report what a course must change, and review, to teach another edition",
		ArgsUsage: "[PATH...]",
		Description: "Reads the notes as the edition in force (--edition, default itil4) teaches them and\n" +
			"lists, with their positions: every place whose wording the --to edition changed (with\n" +
			"the replacement: must change), every unsettled point and every section whose subject the\n" +
			"new syllabus reshaped or no longer examines (to review), then the syllabus areas no note\n" +
			"covers yet, with their exam weights. --fix applies the renames in place; --diff shows\n" +
			"them and writes nothing. Exit codes as check's.",
		Flags: append([]cli.Flag{
			&cli.StringFlag{Name: "to", Usage: "the edition to migrate to (required): " + strings.Join(pack.Editions, " or ")},
			&cli.StringFlag{Name: "format", Aliases: []string{"f"}, Value: "text", Usage: "report format: " + strings.Join(migrateFormats, ", ")},
			&cli.StringFlag{Name: "fail-on", Value: "error", Usage: "exit 1 on findings at or above: error, warning, suggestion, none"},
			&cli.StringFlag{Name: "output", Aliases: []string{"o"}, Usage: "write the report to `FILE` instead of stdout"},
			&cli.BoolFlag{Name: "fix", Usage: "apply the renames (must-change places with a replacement) to the inputs, in place"},
			&cli.BoolFlag{Name: "diff", Usage: "print the renames --fix would apply as a unified diff and write nothing"},
		}, commonFlags()...),
		Action: runMigrate,
	}
}

// migration is what migrate gathers while the run streams.
type migration struct {
	from, to *pack.Pack
	reviews  []sectionPattern
	areas    []areaCues
	// cues[area][cue]: the course names the cue; an area is covered when
	// it names two of its cues (one when it has one), so that a passing
	// "artificial intelligence" in a list of technologies does not count
	// as teaching ITIL and AI.
	cues map[string]map[string]bool

	changes, toReview []migrationItem // for md
	notes             int
}

// A migrationItem is one finding of the report, located on disk.
type migrationItem struct {
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

func runMigrate(c *cli.Context) error {
	format, threshold, err := migrateFlags(c)
	if err != nil {
		return err
	}
	cfg, m, err := migrationFor(c)
	if err != nil {
		return err
	}
	pc, err := baseConfig(c)
	if err != nil {
		return err
	}
	pc.Pack, pc.Project, pc.Check, pc.Progress = m.to, migrateConfig(cfg), true, nil

	r := &migrateRun{c: c, m: m, threshold: threshold, fixing: c.Bool("fix") || c.Bool("diff")}
	if !r.fixing && format != "md" {
		if r.fw, err = emit.NewFindingWriter(&r.buf, format, lintRules()); err != nil {
			return cli.Exit(err.Error(), exitTrouble)
		}
	}
	pc.Each = r.file
	res, err := pipeline.Run(pc)
	if err != nil {
		return cli.Exit(err.Error(), exitTrouble)
	}
	trouble := reportErrors(c, res)
	if r.fixing {
		if !c.Bool("quiet") && !c.Bool("diff") {
			fmt.Fprintf(c.App.ErrWriter, "%s applied in %s; run migrate again for the places to review\n", plural(r.renames, "rename", "renames"), plural(r.renamed, "file", "files"))
		}
		return writeErrors(c, trouble, r.werrs)
	}
	if r.fw != nil {
		if err := r.fw.Close(); err != nil {
			return cli.Exit(err.Error(), exitTrouble)
		}
	}
	if err := r.writeReport(format); err != nil {
		return cli.Exit(err.Error(), exitTrouble)
	}
	switch {
	case trouble:
		return cli.Exit("", exitTrouble)
	case r.failed:
		return cli.Exit("", exitFindings)
	}
	return nil
}

// migrateFlags checks --format and --fail-on.
func migrateFlags(c *cli.Context) (format string, threshold rule.Severity, err error) {
	format = c.String("format")
	if !contains(migrateFormats, format) {
		return "", 0, cli.Exit(fmt.Sprintf("--format: unknown format %q (known: %s)", format, strings.Join(migrateFormats, ", ")), exitTrouble)
	}
	threshold, err = failThreshold(c.String("fail-on"))
	return format, threshold, err
}

// migrationFor reads --to and the project's edition and sets up the
// migration between them.
func migrationFor(c *cli.Context) (*config.Config, *migration, error) {
	to := c.String("to")
	if to == "" {
		return nil, nil, cli.Exit("migrate needs --to EDITION: "+strings.Join(pack.Editions, " or "), exitTrouble)
	}
	if !pack.KnownEdition(to) {
		return nil, nil, cli.Exit("--to: "+pack.UnknownEdition(to).Error(), exitTrouble)
	}
	cfg, from, err := setup(c)
	if err != nil {
		return nil, nil, err
	}
	if from.Name == to {
		return nil, nil, cli.Exit(fmt.Sprintf("--to %s: the notes are already read as %s; pick the edition they teach with --edition", to, to), exitTrouble)
	}
	target, err := pack.ForEdition(to)
	if err != nil {
		return nil, nil, cli.Exit("embedded rule pack: "+err.Error(), exitTrouble)
	}
	return cfg, newMigration(from, target), nil
}

// migrateRun is what migrate keeps while the pipeline hands it one file
// after another: the renames made (with --fix or --diff), or the
// findings to report.
type migrateRun struct {
	c         *cli.Context
	m         *migration
	threshold rule.Severity
	fixing    bool
	fw        *emit.FindingWriter // nil for md and when fixing
	buf       bytes.Buffer        // what fw wrote

	werrs            []error
	renames, renamed int
	failed           bool
}

// file takes one analysed file: it adds the section findings, notes
// whether any reaches --fail-on, then renames, writes or collects.
func (r *migrateRun) file(f *result.File, _ *note.Note) {
	if f.Note == nil || f.Late {
		if r.fw != nil {
			r.fw.File(f)
		}
		return
	}
	m := r.m
	m.notes++
	m.cover(f.Note.Text)
	f.Findings = m.sectionFindings(f.Note, f.Findings)
	lint.Sort(f.Findings)
	for _, x := range f.Findings {
		r.failed = r.failed || (r.threshold != 0 && x.Severity >= r.threshold)
	}
	switch {
	case r.fixing:
		n, err := m.rename(r.c, f)
		if err != nil {
			r.werrs = append(r.werrs, err)
		}
		if n > 0 {
			r.renames += n
			r.renamed++
		}
	case r.fw != nil:
		r.fw.File(f)
	default:
		m.collect(f)
	}
}

// writeReport writes the report in format to --output or stdout.
func (r *migrateRun) writeReport(format string) error {
	report := func(w io.Writer) error {
		bw := bufio.NewWriter(w)
		switch format {
		case "text":
			bw.Write(r.buf.Bytes())
			r.m.writeUncoveredText(bw)
		case "json":
			r.m.writeJSON(bw, r.buf.Bytes())
		case "sarif":
			bw.Write(r.buf.Bytes())
		case "md":
			r.m.writeMarkdown(bw)
		}
		return bw.Flush()
	}
	if path := r.c.String("output"); path != "" {
		_, err := emit.WriteFile(path, report)
		return err
	}
	return report(r.c.App.Writer)
}

// migrateConfig is the project config with every rule off but the two
// that report a migration: older-wording and unsettled-point (their
// severity overrides kept).
func migrateConfig(cfg *config.Config) *config.Config {
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

// newMigration prepares the target pack (its history phrases dropped:
// an ITIL 4 course names ITIL 4 in every other sentence, and every place
// must be listed), the section patterns of its reviews and the cues of
// its syllabus areas.
func newMigration(from, to *pack.Pack) *migration {
	t := to.Clone()
	t.History = nil
	m := &migration{from: from, to: t, cues: map[string]map[string]bool{}}
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
func (m *migration) cover(text []byte) {
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
func (m *migration) covered(ac areaCues) bool {
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
func (m *migration) sectionFindings(n *note.Note, fs []rule.Finding) []rule.Finding {
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
			reviewed = append(reviewed, rule.Finding{Rule: sectionReview, Severity: rule.Suggestion, Message: msg, Start: start, End: end})
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
func (m *migration) collect(f *result.File) {
	for _, x := range f.Findings {
		pos := f.Note.Position(x.Start)
		it := migrationItem{Where: fmt.Sprintf("%s:%d:%d", f.Path, pos.Line, pos.Col), Rule: x.Rule, Message: x.Message}
		if x.Severity >= rule.Warning {
			m.changes = append(m.changes, it)
		} else {
			m.toReview = append(m.toReview, it)
		}
	}
}

// rename applies, or shows as a diff, the fixes of the must-change
// findings: the mechanical renames.
func (m *migration) rename(c *cli.Context, f *result.File) (int, error) {
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
	if c.Bool("diff") {
		fmt.Fprint(c.App.Writer, emit.Diff(f.Path, f.Note.Text, after))
		return len(edits), nil
	}
	if f.Note.DiskLines != nil {
		return 0, fmt.Errorf("%s: a transcript is not rewritten in place; apply its renames by hand", f.Path)
	}
	if _, err := emit.WriteBytes(f.Path, f.Note.Encode(after)); err != nil {
		return 0, err
	}
	return len(edits), nil
}

// uncovered returns the syllabus areas no note covers, in syllabus order.
func (m *migration) uncovered() []pack.Area {
	var out []pack.Area
	for _, ac := range m.areas {
		if !m.covered(ac) {
			out = append(out, ac.area)
		}
	}
	return out
}

func weight(a pack.Area) string {
	s := strconv.FormatFloat(a.Weight, 'f', -1, 64) + "%"
	if a.Approximate {
		s += " (approximate)"
	}
	return s
}

func (m *migration) writeUncoveredText(w io.Writer) {
	for _, a := range m.uncovered() {
		fmt.Fprintf(w, "not covered yet: %s (%s of the %s exam)\n", a.Name, weight(a), m.to.Edition)
	}
}

func (m *migration) writeJSON(w io.Writer, findings []byte) {
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
func (m *migration) writeMarkdown(w io.Writer) {
	fmt.Fprintf(w, "# Migrating the course from %s to %s\n\n", m.from.Edition, m.to.Edition)
	fmt.Fprintf(w, "%d notes read: %d places must change, %d to review; %d syllabus areas not covered yet.\n\n",
		m.notes, len(m.changes), len(m.toReview), len(m.uncovered()))
	fmt.Fprintf(w, "*Must change* is wording %s changed, which several public sources agree on; "+
		"`itilint migrate --to %s --fix` applies the renames (`--diff` shows them first). "+
		"*To review* are points the sources disagree on, or that one alone gives, and sections "+
		"whose subject the new syllabus reshaped or no longer examines as such. "+
		"The official syllabus could not be read when the rule pack was written.\n\n", m.to.Edition, m.to.Name)
	table := func(title string, items []migrationItem) {
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
		fmt.Fprintf(w, "| %s | %s |\n", mdCell(a.Name), weight(a))
	}
	if m.to.Syllabus != nil && m.to.Syllabus.Note != "" {
		fmt.Fprintf(w, "\n%s\n", strings.TrimSpace(m.to.Syllabus.Note))
	}
}

func mdCell(s string) string {
	return strings.NewReplacer("|", "\\|", "\n", " ").Replace(s)
}
