package emit

import (
	"bufio"
	"bytes"
	"encoding/gob"
	"math/rand/v2"
	"reflect"
	"testing"

	"github.com/itilint/itilint/pipeline/note"
	"github.com/itilint/itilint/pipeline/rule"
)

// TestSpillMatchesGob holds the spilled records to what encoding/gob, which
// the run report used before, gave back: random records with tricky
// strings, negative and large numbers, absent, empty and full slices, and
// fixes nil, all zero and set.
func TestSpillMatchesGob(t *testing.T) {
	records := append(randomRecords(rand.New(rand.NewPCG(15, 16)), 400), reportRecord{}) // the last with every field zero

	var gobbed, spilled bytes.Buffer
	enc := gob.NewEncoder(&gobbed)
	var b []byte
	for i := range records {
		if err := enc.Encode(&records[i]); err != nil {
			t.Fatal(err)
		}
		b = appendRecord(b[:0], &records[i])
		spilled.Write(b)
	}
	dec := gob.NewDecoder(&gobbed)
	back := spillReader{r: bufio.NewReader(&spilled)}
	for i := range records {
		var want, got reportRecord
		if err := dec.Decode(&want); err != nil {
			t.Fatal(err)
		}
		if err := back.next(&got); err != nil {
			t.Fatalf("record %d: %v", i, err)
		}
		if !reflect.DeepEqual(got, want) {
			t.Fatalf("record %d:\ngot  %#v\nwant %#v", i, got, want)
		}
	}
	var rec reportRecord
	if err := back.next(&rec); err == nil {
		t.Error("a record read past the last one")
	}
}

// randomRecords are n records for the spill's tests: tricky strings,
// negative and large numbers, absent, empty and full slices, and fixes
// nil, all zero and set.
func randomRecords(r *rand.Rand, n int) []reportRecord {
	num := func() int {
		switch r.IntN(4) {
		case 0:
			return 0
		case 1:
			return -r.IntN(1000)
		case 2:
			return r.IntN(1 << 40)
		}
		return r.IntN(100)
	}
	pos := func() note.Position { return note.Position{Line: num(), Col: num()} }
	maybe := func() string {
		if r.IntN(3) == 0 {
			return ""
		}
		return randomString(r)
	}
	var records []reportRecord
	for range n {
		rec := reportRecord{Path: randomString(r), Out: maybe(), Err: maybe(), Unreadable: r.IntN(4) == 0}
		switch r.IntN(3) {
		case 1:
			rec.Found = []located{}
		case 2:
			for range r.IntN(4) + 1 {
				l := located{Finding: rule.Finding{Rule: maybe(), Severity: rule.Severity(r.IntN(3)), Message: maybe(), Start: num(), End: num()},
					Path: maybe(), Start: pos(), End: pos()}
				switch r.IntN(4) {
				case 1:
					l.Fix = &resolvedFix{}
				case 2, 3:
					l.Fix = &resolvedFix{Kind: rule.FixKind(r.IntN(3)), Message: maybe(), Start: pos(), End: pos(), Replacement: maybe()}
					switch r.IntN(3) {
					case 1:
						l.Fix.Edits = []locatedEdit{}
					case 2:
						for range r.IntN(3) + 1 {
							l.Fix.Edits = append(l.Fix.Edits, locatedEdit{Start: pos(), End: pos(), New: maybe()})
						}
					}
				}
				rec.Found = append(rec.Found, l)
			}
		}
		switch r.IntN(3) {
		case 1:
			rec.Changes = []rule.Change{}
		case 2:
			for range r.IntN(3) + 1 {
				rec.Changes = append(rec.Changes, rule.Change{Rule: maybe(), Kind: rule.FixKind(r.IntN(3)), Message: maybe(),
					Pos: pos(), Line: num(), Before: maybe(), After: maybe()})
			}
		}
		records = append(records, rec)
	}
	return records
}

// TestSpillRefusesDamage: a spill cut short or changed reads back as an
// error, never as a panic.
func TestSpillRefusesDamage(t *testing.T) {
	rec := reportRecord{Path: "a.md", Found: []located{{Finding: rule.Finding{Rule: "r", Message: "m"}, Fix: &resolvedFix{Message: "f", Edits: []locatedEdit{{New: "x"}}}}},
		Changes: []rule.Change{{Rule: "c", Before: "b", After: "a"}}}
	whole := appendRecord(nil, &rec)
	for cut := range len(whole) {
		back := spillReader{r: bufio.NewReader(bytes.NewReader(whole[:cut]))}
		var got reportRecord
		if err := back.next(&got); err == nil {
			t.Errorf("a record cut at %d of %d bytes read back", cut, len(whole))
		}
	}
	for i := range whole {
		damaged := bytes.Clone(whole)
		damaged[i] ^= 0xff
		back := spillReader{r: bufio.NewReader(bytes.NewReader(damaged))}
		var got reportRecord
		back.next(&got) // an error or another record, but no panic
	}
}
