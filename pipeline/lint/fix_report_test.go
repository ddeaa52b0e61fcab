package lint

import (
	"os"
	"path/filepath"
	"reflect"
	"testing"

	"github.com/itilint/itilint/pipeline/note"
	"github.com/itilint/itilint/pipeline/pack"
	"github.com/itilint/itilint/pipeline/rule"
	"github.com/itilint/itilint/pipeline/testcourse"
)

// TestFixReport holds FixOptions.Report to its promise on the sample
// course: the same fixes as the fixers' own rounds, and Findings (when
// set) those of a check of the fixed note with the Report options.
func TestFixReport(t *testing.T) {
	p, err := pack.Default()
	if err != nil {
		t.Fatal(err)
	}
	opts := Options{Pack: p}
	kindSets := []map[rule.FixKind]bool{
		{rule.Safe: true, rule.Structural: true},
		{rule.Wording: true},
		{rule.Safe: true, rule.Structural: true, rule.Wording: true},
	}
	reported := 0
	err = filepath.WalkDir(testcourse.Source(t, ""), func(path string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		for _, kinds := range kindSets {
			for _, initial := range []bool{false, true} {
				n := note.New(path, data)
				plain := FixOptions{Options: opts, Kinds: kinds}
				if initial {
					plain.Initial = Check(n, opts)
				}
				want, err := Fix(n, plain)
				if err != nil {
					t.Fatal(err)
				}
				withReport := plain
				withReport.Report = &opts
				got, err := Fix(note.New(path, data), withReport)
				if err != nil {
					t.Fatal(err)
				}
				if string(got.Note.Text) != string(want.Note.Text) || !reflect.DeepEqual(got.Changes, want.Changes) {
					t.Errorf("%s %v initial=%v: Report changed the fixes", path, kinds, initial)
				}
				if got.Findings == nil {
					continue
				}
				reported++
				if check := Check(note.New(path, got.Note.Text), opts); !reflect.DeepEqual(got.Findings, check) {
					t.Errorf("%s %v initial=%v: Findings are not those of a check of the fixed note", path, kinds, initial)
				}
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if reported == 0 {
		t.Error("no fix run returned its findings")
	}
}
