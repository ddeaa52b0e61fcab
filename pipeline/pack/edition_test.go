package pack

import "testing"

func TestForEdition(t *testing.T) {
	for _, ed := range Editions {
		p, err := ForEdition(ed)
		if err != nil {
			t.Fatal(err)
		}
		if p.Name != ed {
			t.Errorf("ForEdition(%q) is pack %q", ed, p.Name)
		}
		name, markers, err := editionHead(ed)
		if err != nil || name != p.Edition || len(markers) != len(p.Markers) {
			t.Errorf("editionHead(%q) = %q, %v, %v; the pack has %q, %v", ed, name, markers, err, p.Edition, p.Markers)
		}
	}
	if d, _ := ForEdition(""); d != snapshotPack {
		t.Error(`ForEdition("") is not the default pack`)
	}
	if _, err := ForEdition("itil6"); err == nil {
		t.Error("itil6: no error")
	}
}

func TestEditionSniffer(t *testing.T) {
	tests := []struct {
		name    string
		notes   []string
		inForce string
		want    string // the edition to suggest, "" for none
	}{
		{"ITIL 4 course", []string{"ITIL 4 has a service value chain.", "No marker here."}, "itil4", ""},
		{"Version 5 course checked as ITIL 4", []string{"ITIL (Version 5) builds on ITIL 4.", "The ITIL value system."}, "itil4", "itil5"},
		{"Version 5 course checked as itil5", []string{"ITIL (Version 5) builds on ITIL 4."}, "itil5", ""},
		{"ITIL 4 course checked as itil5", []string{"The service value system.", "ITIL 4 practices."}, "itil5", "itil4"},
		{"mixed, in force wins ties", []string{"ITIL (Version 5).", "ITIL 4."}, "itil4", ""},
		{"no markers", []string{"Plain text."}, "itil4", ""},
	}
	for _, tt := range tests {
		s, err := NewEditionSniffer()
		if err != nil {
			t.Fatal(err)
		}
		for i, n := range tt.notes {
			s.Note(string(rune('a'+i))+".md", []byte(n), func(int) int { return 1 })
		}
		clue, ok := s.Other(tt.inForce)
		if got := clue.Edition; ok != (tt.want != "") || got != tt.want {
			t.Errorf("%s: Other(%q) = %q, %v; want %q", tt.name, tt.inForce, got, ok, tt.want)
		}
	}
}
