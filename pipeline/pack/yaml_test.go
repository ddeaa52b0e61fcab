package pack

import (
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/itilint/itilint/pipeline/internal/growth"
)

// DecodeStrict refuses what would cost work or hide a mistake, each with
// the file and, where the YAML has one, the line and column.
func TestDecodeStrictRefuses(t *testing.T) {
	type withMap struct {
		Rules map[string]string `yaml:"rules"`
	}
	aliases := "terms:\n  - &a {id: a, term: A}\n" + strings.Repeat("  - *a\n", MaxAliases+1)
	tests := []struct {
		name, src, want string
		v               any
	}{
		{"second document", "name: x\n---\nname: y\n", "f.yaml:2:1: a second YAML document starts here", &Pack{}},
		{"third document", "name: x\n---\n---\nname: y\n", "f.yaml:3:1: a second YAML document", &Pack{}},
		{"key twice in a struct", "name: x\nedition: itil4\nname: y\n", `f.yaml:3:1: key "name" is given twice (first at line 1)`, &Pack{}},
		{"key twice in a term", "terms:\n  - id: a\n    id: b\n", `f.yaml:3:5: key "id" is given twice (first at line 2)`, &Pack{}},
		{"key twice in a map", "rules:\n  a: x\n  b: y\n  a: z\n", `f.yaml:4:3: key "a" is given twice (first at line 2)`, &withMap{}},
		{"aliases", aliases, "f.yaml:" + strconv.Itoa(3+MaxAliases) + ":5: more than 100 aliases", &Pack{}},
		{"too big", "name: x\n#" + strings.Repeat("x", MaxYAMLSize), "f.yaml: 4194313 bytes; a file of this kind may have at most 4194304", &Pack{}},
	}
	for _, tt := range tests {
		err := DecodeStrict("f.yaml", []byte(tt.src), tt.v)
		if err == nil || !strings.HasPrefix(err.Error(), tt.want) {
			t.Errorf("%s: err = %v, want %q", tt.name, err, tt.want)
		}
	}
}

// What a pack file may hold: a leading ---, an end marker, a trailing
// empty document, a few aliases, a map decoded one key at a time.
func TestDecodeStrictAccepts(t *testing.T) {
	for _, src := range []string{
		"---\nname: x\n",
		"name: x\n...\n",
		"name: x\n---\n",
		"# a comment\n---\n# another\n",
		"markers: [&m ITIL, *m]\n",
	} {
		var p Pack
		if err := DecodeStrict("f.yaml", []byte(src), &p); err != nil {
			t.Errorf("%q: %v", src, err)
		}
	}
}

// A pack file is read only when it is of a sane size (and a regular file:
// TestReadYAMLFileFIFO).
func TestReadYAMLFile(t *testing.T) {
	dir := t.TempDir()
	big := filepath.Join(dir, "big.yaml")
	if err := os.WriteFile(big, make([]byte, 2048), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := ReadYAMLFile(big, 1024); err == nil || !strings.Contains(err.Error(), "2048 bytes") {
		t.Errorf("too big: %v", err)
	}
	if data, err := ReadYAMLFile(big, 4096); err != nil || len(data) != 2048 {
		t.Errorf("small enough: %d bytes, %v", len(data), err)
	}
}

// phrasesPack is a pack of n lists and n phrases whose form names the
// last list: looking each list up by a walk of all of them made validating
// and compiling it grow with the square of n.
func phrasesPack(n int) *Pack {
	p := &Pack{}
	for i := range n {
		id := "l" + strconv.Itoa(i)
		p.Lists = append(p.Lists, List{ID: id, Nouns: []string{"things"}, Count: 1, Members: []Member{{Name: "M" + id}}, Pos: Pos("f.yaml:" + id)})
		p.Phrases = append(p.Phrases, Phrase{ID: "p" + strconv.Itoa(i), Kind: "slip", Wrong: []string{"the {l" + strconv.Itoa(n-1) + "} thing"}, Pos: Pos("f.yaml:p" + id)})
	}
	return p
}

// Validating a pack grows with its size, not its square.
func TestValidateGrowsLinearly(t *testing.T) {
	if testing.Short() {
		t.Skip("timing")
	}
	validate := func(n int) func() {
		p := phrasesPack(n)
		return func() {
			if err := p.Validate(); err != nil {
				t.Fatal(err)
			}
		}
	}
	growth.Check(t, "4000 phrases and lists (against 1000)", validate(1000), validate(4000))
}

// A control character in a pack's text is refused where the pack is read,
// at the entry that holds it: a NUL or a line break in a term or a name
// reached every output and broke the line-based ones (a GIFT category).
// Prose (a definition, an example note) may run over lines.
func TestValidateRefusesControlCharacters(t *testing.T) {
	tests := []struct{ src, want string }{
		{"topics: [{id: t, name: \"Two\\nlines\"}]\n", `f.yaml:1:10: name "Two\nlines" holds a line break; it must be one line`},
		{"terms:\n  - {id: a, term: \"A\\0B\"}\n", `f.yaml:2:5: term "A\x00B" holds a control character (U+0000)`},
		{"terms:\n  - {id: a, term: A, accepted: [\"A\\tB\"]}\n", `f.yaml:2:5: accepted "A\tB" holds a control character (U+0009)`},
		{"lists:\n  - id: l\n    nouns: [x]\n    count: 1\n    members:\n      - name: \"M\\r\"\n", `f.yaml:6:9: name "M\r" holds a line break`},
		{"name: \"P\\x1b[31m\"\n", `f.yaml: name "P\x1b[31m" holds a control character (U+001B)`},
		{"terms:\n  - {id: a, term: A, definition: \"one\\0\"}\n", `f.yaml:2:5: definition "one\x00" holds a control character (U+0000)`},
	}
	for _, tt := range tests {
		var p Pack
		if err := DecodeStrict("f.yaml", []byte(tt.src), &p); err != nil {
			t.Fatalf("%q: %v", tt.src, err)
		}
		p.Files = []string{"f.yaml"}
		err := p.Validate()
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%q: err = %v, want %q", tt.src, err, tt.want)
		}
	}
	ok := "terms:\n  - id: a\n    term: A\n    definition: |\n      Over\n      two lines.\n    good: [\"a note\\n\\n- with a list\"]\n"
	var p Pack
	if err := DecodeStrict("f.yaml", []byte(ok), &p); err != nil {
		t.Fatal(err)
	}
	if err := p.Validate(); err != nil {
		t.Errorf("prose over lines: %v", err)
	}
}
