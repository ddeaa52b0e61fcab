package words

import (
	"strings"
	"testing"
)

func TestKnown(t *testing.T) {
	for w, want := range map[string]bool{
		"management": true, "performed": true, "value": true, "in": true,
		"cocreation": false, "erformed": false, "valu": false, "Value": false,
		"": false, "\n": false, "a": true, "zzz": false, "abbé": true,
	} {
		if got := Known(w); got != want {
			t.Errorf("Known(%q) = %v, want %v", w, got, want)
		}
	}
	if n := strings.Count(list, "\n"); n < 50000 {
		t.Errorf("the list has %d words, want a full list", n)
	}
}

// TestListSorted: Known's binary search needs the list sorted byte-wise,
// without duplicates or empty lines, and ending in a newline; and every
// word of it must be found.
func TestListSorted(t *testing.T) {
	if !strings.HasSuffix(list, "\n") {
		t.Fatal("words.txt does not end in a newline")
	}
	lines := strings.Split(strings.TrimSuffix(list, "\n"), "\n")
	for i, w := range lines {
		if w == "" || i > 0 && lines[i-1] >= w {
			t.Fatalf("words.txt line %d (%q) is empty or out of order", i+1, w)
		}
		if !Known(w) {
			t.Fatalf("Known(%q) = false for a word of the list", w)
		}
		// A neighbour that is not in the list: the search must not
		// stop on a prefix or a longer word.
		if Known(w + "\x01") {
			t.Fatalf("Known(%q) = true", w+"\x01")
		}
	}
}

func BenchmarkKnown(b *testing.B) {
	ws := []string{"management", "performed", "cocreation", "valu", "zygote", "a"}
	for i := 0; i < b.N; i++ {
		Known(ws[i%len(ws)])
	}
}
