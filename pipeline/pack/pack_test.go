package pack

import (
	"strings"
	"testing"
	"testing/fstest"
)

func TestDefaultPackLoads(t *testing.T) {
	p, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	if p.Name == "" || p.Edition == "" {
		t.Fatalf("pack has no name or edition: %+v", p)
	}
}

func TestDecodeStrictErrors(t *testing.T) {
	tests := []struct {
		name, yaml, want string
	}{
		{"unknown key with suggestion", "name: x\nterms:\n  - id: a\n    trem: A\n", "p.yaml:4:5: unknown key \"trem\" (did you mean \"term\"?)"},
		{"unknown top key", "nmae: x\n", "p.yaml:1:1: unknown key \"nmae\" (did you mean \"name\"?)"},
		{"syntax", "name: [x\n", "p.yaml:"},
		{"wrong shape", "terms: {a: b}\n", "p.yaml:1:8: expected a list"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var p Pack
			err := DecodeStrict("p.yaml", []byte(tt.yaml), &p)
			if err == nil || !strings.HasPrefix(err.Error(), tt.want) {
				t.Fatalf("err = %v, want prefix %q", err, tt.want)
			}
		})
	}
}

func TestValidate(t *testing.T) {
	fsys := fstest.MapFS{"a.yaml": {Data: []byte(`name: t
topics: [{id: t1, name: Topic}]
lists:
  - id: l
    name: L
    nouns: [thing, things]
    count: 3
    topic: t1
    members: [{name: A}, {name: B}]
terms:
  - {id: x, term: X, topic: nope}
  - {id: x, term: Y}
`)}}
	_, err := Load(fsys, "pk")
	if err == nil {
		t.Fatal("want error")
	}
	for _, want := range []string{"pk/a.yaml:4:5: list \"l\": count is 3 but it has 2 members", "unknown topic \"nope\"", "duplicate id \"x\""} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("error %q lacks %q", err, want)
		}
	}
}

func TestMergeOverrides(t *testing.T) {
	p := &Pack{Terms: []Term{{ID: "a", Term: "A"}, {ID: "b", Term: "B"}}}
	p.Merge(&Pack{Terms: []Term{{ID: "b", Term: "B2"}, {ID: "c", Term: "C"}}})
	var got []string
	for _, t := range p.Terms {
		got = append(got, t.Term)
	}
	if strings.Join(got, ",") != "A,B2,C" {
		t.Fatalf("got %v", got)
	}
}

// FuzzDecodeStrict: any bytes give a pack or an error naming the file,
// never a panic.
func FuzzDecodeStrict(f *testing.F) {
	f.Add("name: x\nterms:\n  - id: a\n    term: A\n")
	f.Add("lists: [{id: l, count: 2, members: [{name: A}]}]\n")
	f.Add("terms: {a: b}\n")
	f.Add(": : :\n\t- [")
	f.Fuzz(func(t *testing.T, src string) {
		var p Pack
		err := DecodeStrict("f.yaml", []byte(src), &p)
		if err != nil {
			if !strings.HasPrefix(err.Error(), "f.yaml:") {
				t.Fatalf("error does not name the file: %v", err)
			}
			return
		}
		_ = p.Validate()
	})
}
