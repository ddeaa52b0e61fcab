package quiz

import (
	"testing"

	"github.com/itilint/itilint/pipeline/pack"
)

// TestOtherEditionWording: a question in another edition's wording is
// dropped, one in the edition's own is kept.
func TestOtherEditionWording(t *testing.T) {
	itil4, err := pack.ForEdition("itil4")
	if err != nil {
		t.Fatal(err)
	}
	itil5, err := pack.ForEdition("itil5")
	if err != nil {
		t.Fatal(err)
	}
	q := func(stem string) Question {
		return Question{Stem: stem, Options: [4]string{"Governance", "Value chain", "Guiding principles", "Practices"}}
	}
	tests := []struct {
		p    *pack.Pack
		stem string
		want bool
	}{
		{itil5, "Which is a component of the service value system?", true},
		{itil5, "Which is a component of the ITIL value system?", false},
		{itil5, "Which is one of the four dimensions of service management?", true},
		{itil4, "Which is a component of the ITIL value system?", true},
		{itil4, "Which is a component of the service value system?", false},
		{itil4, "Which practice covers organizational change management?", false},
	}
	for _, tt := range tests {
		if got := usesWording(q(tt.stem), editionWording(tt.p)); got != tt.want {
			t.Errorf("%s: %q: usesWording = %v, want %v", tt.p.Name, tt.stem, got, tt.want)
		}
	}
}
