package config

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/itilint/itilint/pipeline/internal/growth"
	"github.com/itilint/itilint/pipeline/rule"
)

func write(t *testing.T, dir, body string) string {
	t.Helper()
	p := filepath.Join(dir, FileName)
	if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

func TestLoadAndFind(t *testing.T) {
	dir := t.TempDir()
	p := write(t, dir, "rules:\n  language-slip: off\n  list-count: warning\nignore: [drafts/*, '*.srt']\n")
	sub := filepath.Join(dir, "a", "b")
	os.MkdirAll(sub, 0o755)
	if got := Find(sub); got != p {
		t.Fatalf("Find = %q, want %q", got, p)
	}
	c, err := Load(p)
	if err != nil {
		t.Fatal(err)
	}
	if err := c.Validate([]string{"language-slip", "list-count"}); err != nil {
		t.Fatal(err)
	}
	if c.Enabled("language-slip") || !c.Enabled("list-count") {
		t.Error("Enabled wrong")
	}
	if c.Severity("list-count", rule.Error) != rule.Warning || c.Severity("other", rule.Error) != rule.Error {
		t.Error("Severity wrong")
	}
	if !c.Ignored("drafts/x.md") || !c.Ignored("t/a.srt") || c.Ignored("notes/x.md") {
		t.Error("Ignored wrong")
	}
}

func TestErrors(t *testing.T) {
	tests := []struct{ body, want string }{
		{"rulez: {}\n", ":1:1: unknown key \"rulez\" (did you mean \"rules\"?)"},
		{"rules:\n  languag-slip: off\n", ":2:3: rules: unknown rule \"languag-slip\" (did you mean \"language-slip\"?)"},
		// A bad value is placed as a bad key is: file:line:col.
		{"rules:\n  language-slip: loud\n", ":2:18: rules: language-slip: \"loud\" is not off, on, error, warning or suggestion"},
		{"edition: itil3\n", ":1:10: edition: "},
		{"ignore:\n  - drafts/**\n  - \"[x\"\n", ":3:5: ignore: bad pattern \"[x\""},
		{"terms:\n  - id: x\n    trm: y\n", ":3:5: unknown key \"trm\" (did you mean \"term\"?)"},
		// A value of the wrong shape too, not the YAML library's line
		// alone ("cannot unmarshal !!map into string").
		{"rules:\n  language-slip:\n    severity: loud\n", ":3:5: rules: language-slip: expected a single value, found a mapping"},
		{"ignore: drafts\n", ":1:9: ignore: expected a list, found \"drafts\""},
		{"edition: [itil4]\n", ":1:10: edition: expected a single value, found a list"},
	}
	for _, tt := range tests {
		p := write(t, t.TempDir(), tt.body)
		c, err := Load(p)
		if err == nil {
			err = c.Validate([]string{"language-slip"})
		}
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%q: err = %v, want %q", tt.body, err, tt.want)
		}
	}
	if _, err := Load(filepath.Join(t.TempDir(), "nope.yaml")); err == nil || !strings.Contains(err.Error(), "not found") {
		t.Errorf("missing file: %v", err)
	}
}

// Hostile configs are refused with the file, line and column, and what a
// config repeats costs nothing twice.
func TestRefusesHostile(t *testing.T) {
	tests := []struct{ name, body, want string }{
		{"second document", "rules:\n  language-slip: off\n---\nrules:\n  list-count: off\n", ":3:1: a second YAML document starts here"},
		{"rule given twice", "rules:\n  language-slip: off\n  language-slip: on\n", `:3:3: key "language-slip" is given twice (first at line 2)`},
		{"aliases", "ignore:\n  - &a drafts/**\n" + strings.Repeat("  - *a\n", 200), ":103:5: more than 100 aliases"},
		{"too many patterns", "ignore:\n" + manyPatterns(MaxIgnore+1), ":1002:5: ignore: more than 1000 different patterns"},
		{"too many packs", "packs:\n" + strings.Repeat("  - same.yaml\n", 50) + manyPatterns(MaxPacks), ":71:5: packs: more than 20 different packs"},
	}
	for _, tt := range tests {
		p := write(t, t.TempDir(), tt.body)
		_, err := Load(p)
		if err == nil || !strings.Contains(err.Error(), p+tt.want) {
			t.Errorf("%s: err = %v, want %q", tt.name, err, p+tt.want)
		}
	}
	dir := t.TempDir()
	p := write(t, dir, "# "+strings.Repeat("x", MaxSize)+"\n")
	if _, err := Load(p); err == nil || !strings.Contains(err.Error(), p+": 1048579 bytes; a file of this kind may have at most 1048576") {
		t.Errorf("too big: %v", err)
	}
}

func manyPatterns(n int) string {
	var b strings.Builder
	for i := range n {
		fmt.Fprintf(&b, "  - 'notes/%d/*.md'\n", i)
	}
	return b.String()
}

// A pack named twice is read once.
func TestPacksDeduped(t *testing.T) {
	c, err := Load(write(t, t.TempDir(), "packs: [a.yaml, b, a.yaml, b, c]\n"))
	if err != nil {
		t.Fatal(err)
	}
	if got := strings.Join(c.Packs, " "); got != "a.yaml b c" {
		t.Errorf("Packs = %q", got)
	}
}

// A pattern repeated is matched once, and a bad pattern is still placed
// at its own line after the repeats before it are dropped.
func TestIgnoreDeduped(t *testing.T) {
	p := write(t, t.TempDir(), "ignore:\n  - &d drafts/**\n  - *d\n  - drafts/**\n  - '*.srt'\n  - \"[x\"\n")
	c, err := Load(p)
	if err != nil {
		t.Fatal(err)
	}
	if got := strings.Join(c.Ignore, " "); got != "drafts/** *.srt [x" {
		t.Errorf("Ignore = %q", got)
	}
	if err := c.Validate(nil); err == nil || !strings.Contains(err.Error(), p+":6:5: ignore: bad pattern") {
		t.Errorf("Validate: %v", err)
	}
}

// The cost of reading a config grows with its size, not its square: the
// YAML library's own check for a key given twice compared every key of a
// mapping with every other (32,000 rules took seconds, 200,000 minutes).
// At four times the size, reading takes about four times as long, sixteen
// if it were quadratic (see package growth).
func TestReadGrowsLinearly(t *testing.T) {
	if testing.Short() {
		t.Skip("timing")
	}
	keys := func(n int) []byte {
		var b strings.Builder
		b.WriteString("rules:\n")
		for i := range n {
			fmt.Fprintf(&b, "  rule-%d: off\n", i)
		}
		return []byte(b.String())
	}
	aliases := func(n int) []byte {
		var b strings.Builder
		b.WriteString("ignore:\n  - &a '" + strings.Repeat("x/", 100) + "*.txt'\n")
		for range n {
			b.WriteString("  - *a\n")
		}
		return []byte(b.String())
	}
	for _, tt := range []struct {
		name  string
		build func(int) []byte
		n     int
	}{{"keys", keys, 2000}, {"aliases", aliases, 5000}} {
		t.Run(tt.name, func(t *testing.T) {
			read := func(data []byte) func() {
				return func() {
					if c, err := parse("x.yaml", data); err == nil {
						_ = c.Validate(nil)
					}
				}
			}
			what := fmt.Sprintf("%d %s (against %d)", 4*tt.n, tt.name, tt.n)
			growth.Check(t, what, read(tt.build(tt.n)), read(tt.build(4*tt.n)))
		})
	}
}

// FuzzParse: any bytes give a config or an error naming the file, never a
// panic; a config that decodes validates, or fails naming the file, and
// its ignore patterns can be matched.
func FuzzParse(f *testing.F) {
	f.Add("rules:\n  language-slip: off\n  list-count: warning\nignore: [drafts/*, '*.srt']\n")
	f.Add("terms:\n  - id: x\n    term: Y\n    accepted: [y]\npacks: [p.yaml]\nedition: itil5\n")
	f.Add("ignore:\n  - &a drafts/**\n  - *a\n  - \"[x\"\n")
	f.Add("rules: {a: b, a: c}\n---\nrules: {}\n")
	f.Add("rules: *x\n")
	f.Add("rules:\n  ? [a, b]\n  : off\n")
	f.Fuzz(func(t *testing.T, src string) {
		c, err := parse("f.yaml", []byte(src))
		if err != nil {
			if !strings.HasPrefix(err.Error(), "f.yaml") {
				t.Fatalf("error does not name the file: %v", err)
			}
			return
		}
		if err := c.Validate([]string{"language-slip", "list-count"}); err != nil {
			if !strings.HasPrefix(err.Error(), "f.yaml") {
				t.Fatalf("error does not name the file: %v", err)
			}
			return
		}
		c.Ignored("drafts/a.md")
		c.Enabled("language-slip")
		c.Severity("list-count", rule.Warning)
	})
}
