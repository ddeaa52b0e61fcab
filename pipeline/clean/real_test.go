package clean_test

import (
	"bytes"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"unicode"

	"github.com/itilint/itilint/pipeline/lint"
	"github.com/itilint/itilint/pipeline/note"
	"github.com/itilint/itilint/pipeline/testcourse"
	"github.com/itilint/itilint/pipeline/transcript"
)

// corpus returns the notes under root (.md, .txt, .vtt, .srt), decoded and
// converted as the loader does. A root that is absent or holds no note
// fails t: every root a test reads is part of the repository.
func corpus(t testing.TB, root string) []*note.Note {
	t.Helper()
	var notes []*note.Note
	err := filepath.WalkDir(root, func(path string, e fs.DirEntry, err error) error {
		if err != nil || e.IsDir() {
			return err
		}
		raw, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		var n *note.Note
		switch filepath.Ext(path) {
		case ".md", ".markdown", ".txt":
			if n, err = note.Decode(path, raw); err != nil {
				t.Fatal(err)
			}
			if filepath.Ext(path) == ".txt" {
				n.Format = note.Text
			}
		case ".vtt", ".srt":
			format := note.WebVTT
			if filepath.Ext(path) == ".srt" {
				format = note.SubRip
			}
			text, disk, err := transcript.Convert(format, raw, transcript.Options{})
			if err != nil {
				t.Fatalf("%s:%v", path, err)
			}
			n = note.New(path, text)
			n.Format, n.DiskLines = format, disk
		default:
			return nil
		}
		notes = append(notes, n)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(notes) == 0 {
		t.Fatalf("no notes under %s", root)
	}
	return notes
}

// letters is the text's letters and digits, lower-cased: joining,
// re-spacing, re-encoding and re-capitalising keep it; only removing or
// completing words changes it.
func letters(s string) string {
	var b strings.Builder
	for _, r := range s {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			b.WriteRune(unicode.ToLower(r))
		}
	}
	return b.String()
}

// byDesign are the rules that remove or add letters on purpose.
var byDesign = map[string]bool{"doubled-word": true, "truncated-word": true}

// TestNoWordLost cleans the sample course and the real notes and
// transcripts of the repository's testdata: every change keeps the letters of the text
// except where a rule removes or completes a word by design, the result is
// a fixed point, and the word counts are logged per file.
func TestNoWordLost(t *testing.T) {
	p := defaultPack(t)
	notes := append(corpus(t, "../../source"), corpus(t, testcourse.Fixture(t, "real"))...)
	for _, n := range notes {
		res := fix(t, n, p, onlyClean(), cleanKinds)
		removed, added := 0, 0
		for _, c := range res.Changes {
			lb, la := letters(c.Before), letters(c.After)
			if byDesign[c.Rule] {
				removed += max(len(lb)-len(la), 0)
				added += max(len(la)-len(lb), 0)
				continue
			}
			if lb != la {
				t.Errorf("%s:%d: %s changes letters: %q -> %q", n.Path, c.Line, c.Rule, c.Before, c.After)
			}
		}
		before, after := letters(string(n.Text)), letters(string(res.Note.Text))
		if len(after) != len(before)-removed+added {
			t.Errorf("%s: %d letters before, %d after, %d removed and %d added by design", n.Path, len(before), len(after), removed, added)
		}
		if again := fix(t, res.Note, p, onlyClean(), cleanKinds); !bytes.Equal(again.Note.Text, res.Note.Text) {
			t.Errorf("%s: cleaning is not idempotent; second pass changes:\n%v", n.Path, again.Changes)
		}
		if res.Rounds >= lint.MaxRounds {
			t.Errorf("%s: the fix loop did not converge in %d rounds", n.Path, lint.MaxRounds)
		}
		t.Logf("%s: %d words before, %d after, %d changes in %d rounds", n.Path,
			len(strings.Fields(string(n.Text))), len(strings.Fields(string(res.Note.Text))), len(res.Changes), res.Rounds)
	}
}

// TestFiringTable logs how often each rule fires (findings, and changes
// made by the whole fix loop) on the sample course and on the real notes;
// go test -run FiringTable -v prints it for the closing note.
func TestFiringTable(t *testing.T) {
	p := defaultPack(t)
	sets := []struct{ name, root string }{{"source", "../../source"}, {"real", testcourse.Fixture(t, "real")}}
	found := map[string][2]int{}
	fixed := map[string][2]int{}
	for k, s := range sets {
		for _, n := range corpus(t, s.root) {
			for _, f := range lint.Check(n, lint.Options{Pack: p, Only: onlyClean()}) {
				v := found[f.Rule]
				v[k]++
				found[f.Rule] = v
			}
			for _, c := range fix(t, n, p, onlyClean(), cleanKinds).Changes {
				v := fixed[c.Rule]
				v[k]++
				fixed[c.Rule] = v
			}
		}
	}
	var ids []string
	for id := range found {
		ids = append(ids, id)
	}
	for id := range fixed {
		if _, ok := found[id]; !ok {
			ids = append(ids, id)
		}
	}
	sort.Strings(ids)
	var b strings.Builder
	fmt.Fprintf(&b, "\n| rule | source/ findings | source/ fixes | real findings | real fixes |\n| --- | --- | --- | --- | --- |\n")
	for _, id := range ids {
		fmt.Fprintf(&b, "| %s | %d | %d | %d | %d |\n", id, found[id][0], fixed[id][0], found[id][1], fixed[id][1])
	}
	t.Log(b.String())
}
