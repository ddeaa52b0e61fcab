package words

import "testing"

func TestKnown(t *testing.T) {
	for w, want := range map[string]bool{
		"management": true, "performed": true, "value": true, "in": true,
		"cocreation": false, "erformed": false, "valu": false, "Value": false,
	} {
		if got := Known(w); got != want {
			t.Errorf("Known(%q) = %v, want %v", w, got, want)
		}
	}
	if n := Len(); n < 50000 {
		t.Errorf("Len() = %d, want a full list", n)
	}
}
