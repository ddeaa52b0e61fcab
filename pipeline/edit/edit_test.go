package edit

import (
	"testing"
)

func TestApply(t *testing.T) {
	tests := []struct {
		name    string
		src     string
		edits   []Edit
		want    string
		wantErr bool
	}{
		{"none", "abc", nil, "abc", false},
		{"replace", "hello world", []Edit{{6, 11, "there"}}, "hello there", false},
		{"insert", "ab", []Edit{{1, 1, "X"}}, "aXb", false},
		{"delete", "a  b", []Edit{{1, 2, ""}}, "a b", false},
		{"unsorted", "abcdef", []Edit{{4, 5, "E"}, {0, 1, "A"}}, "AbcdEf", false},
		{"two inserts same place keep order", "ab", []Edit{{1, 1, "X"}, {1, 1, "Y"}}, "aXYb", false},
		{"adjacent", "abcd", []Edit{{0, 2, "1"}, {2, 4, "2"}}, "12", false},
		{"overlap", "abcd", []Edit{{0, 3, ""}, {2, 4, ""}}, "", true},
		{"out of range", "ab", []Edit{{1, 5, ""}}, "", true},
		{"negative", "ab", []Edit{{-1, 1, ""}}, "", true},
		{"reversed", "ab", []Edit{{2, 1, ""}}, "", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := Apply([]byte(tt.src), tt.edits)
			if (err != nil) != tt.wantErr {
				t.Fatalf("err = %v, wantErr %v", err, tt.wantErr)
			}
			if err == nil && string(got) != tt.want {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
}

func TestApplyDoesNotModifyInput(t *testing.T) {
	src := []byte("abc")
	if _, err := Apply(src, []Edit{{0, 1, "Z"}}); err != nil {
		t.Fatal(err)
	}
	if string(src) != "abc" {
		t.Fatalf("input modified: %q", src)
	}
}

func TestOverlaps(t *testing.T) {
	if !Overlaps([]Edit{{0, 3, ""}}, []Edit{{2, 4, ""}}) {
		t.Error("want overlap")
	}
	if Overlaps([]Edit{{0, 2, ""}}, []Edit{{2, 4, ""}}) {
		t.Error("adjacent edits do not overlap")
	}
	if !Overlaps([]Edit{{2, 2, "x"}}, []Edit{{2, 2, "y"}}) {
		t.Error("two insertions at one place conflict")
	}
	if !Overlaps([]Edit{{2, 2, "x"}}, []Edit{{1, 3, "y"}}) {
		t.Error("insertion inside a replacement conflicts")
	}
}

func FuzzApply(f *testing.F) {
	f.Add("hello world", 0, 5, "bye", 6, 11, "all")
	f.Fuzz(func(t *testing.T, src string, s1, e1 int, n1 string, s2, e2 int, n2 string) {
		edits := []Edit{{s1, e1, n1}, {s2, e2, n2}}
		out, err := Apply([]byte(src), edits)
		if err != nil {
			return
		}
		// Applying must account for every byte: the length changes by exactly
		// the sum of the edits' deltas.
		want := len(src) + len(n1) - (e1 - s1) + len(n2) - (e2 - s2)
		if len(out) != want {
			t.Fatalf("len = %d, want %d", len(out), want)
		}
	})
}
