package pipeline

import (
	"fmt"
	"math/rand"
	"path/filepath"
	"reflect"
	"sync/atomic"
	"testing"
	"time"

	"github.com/itilint/itilint/pipeline/note"
	"github.com/itilint/itilint/pipeline/result"
	"github.com/itilint/itilint/pipeline/rule"
	"github.com/itilint/itilint/pipeline/testcourse"
)

// TestStreamedRunMatchesKept: a streamed run (Config.Each) hands over the
// same findings as a run that keeps its notes, files in course order, and
// the course-level findings that need the whole course last.
func TestStreamedRunMatchesKept(t *testing.T) {
	dir := testcourse.Tree(t, map[string]string{
		// "organisation" is the less used spelling: known only after c.md.
		"a.md":   "# One\n\nAn organisation and its SLA.\n",
		"b.md":   "# Two\n\nAn organization plans. A service level agreement is agreed.\n",
		"c.md":   "# Three\n\nEach organization and every organization here.\n",
		"bad.md": "bin\x00ary",
	})
	kept, err := Run(Config{Paths: []string{dir}, Check: true, Workers: 2})
	if err != nil {
		t.Fatal(err)
	}
	want := map[string][]rule.Finding{}
	for _, f := range kept.Files {
		want[f.Path] = f.Findings
	}

	got := map[string][]rule.Finding{}
	var order []string
	lateSeen := false
	streamed, err := Run(Config{Paths: []string{dir}, Check: true, Workers: 2, Each: func(f *result.File, _ *note.Note) {
		name := filepath.Base(f.Path)
		if f.Late {
			lateSeen = true
			name += "(late)"
			if f.Note == nil {
				t.Errorf("%s: late file without its note", f.Path)
			}
		} else if lateSeen {
			t.Errorf("%s: a file after the late findings", f.Path)
		}
		order = append(order, name)
		got[f.Path] = append(got[f.Path], f.Findings...)
	}})
	if err != nil {
		t.Fatal(err)
	}
	if fmt.Sprint(order) != "[a.md b.md bad.md c.md a.md(late)]" {
		t.Errorf("order %v", order)
	}
	for path, fs := range got {
		rule.SortFindings(fs)
		if len(fs) == 0 && len(want[path]) == 0 {
			continue
		}
		if !reflect.DeepEqual(fs, want[path]) {
			t.Errorf("%s:\n got %+v\nwant %+v", path, fs, want[path])
		}
	}
	if len(streamed.Files) != 0 {
		t.Error("a streamed run kept its files")
	}
	if s, k := streamed.Summary(), kept.Summary(); s.Notes != k.Notes || s.Suggestions != k.Suggestions ||
		s.Warnings != k.Warnings || s.Errors != k.Errors || s.Unreadable != k.Unreadable {
		t.Errorf("streamed summary %+v, kept %+v", s, k)
	}
	var consistency int
	for _, f := range want[filepath.Join(dir, "a.md")] {
		if f.Rule == "term-consistency" {
			consistency++
		}
	}
	if consistency != 1 {
		t.Errorf("a.md: %d term-consistency findings, want 1", consistency)
	}
}

// TestInOrder: results reach the sink in input order whatever order the
// workers finish in, and only a bounded window of inputs is in flight.
func TestInOrder(t *testing.T) {
	const n, workers = 200, 3
	var inFlight, most atomic.Int32
	rng := rand.New(rand.NewSource(1))
	delays := make([]time.Duration, n)
	for i := range delays {
		delays[i] = time.Duration(rng.Intn(300)) * time.Microsecond
	}
	next := 0
	feed := func(send func(int)) {
		for i := 0; i < n; i++ {
			send(i)
		}
	}
	inOrder(feed, workers, func(i int) outcome {
		cur := inFlight.Add(1)
		for {
			m := most.Load()
			if cur <= m || most.CompareAndSwap(m, cur) {
				break
			}
		}
		time.Sleep(delays[i])
		return outcome{file: result.File{Path: fmt.Sprint(i)}}
	}, func(i int, r outcome) {
		if i != next || r.file.Path != fmt.Sprint(i) {
			t.Fatalf("sink got %d (%s), want %d", i, r.file.Path, next)
		}
		next++
		inFlight.Add(-1)
	})
	if next != n {
		t.Fatalf("sink saw %d results, want %d", next, n)
	}
	if m := most.Load(); m > 4*workers {
		t.Errorf("%d inputs in flight at once, want at most %d", m, 4*workers)
	}
}
