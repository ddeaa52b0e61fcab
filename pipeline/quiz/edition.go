package quiz

import (
	"strings"

	"github.com/itilint/itilint/pipeline/pack"
)

// GuidelineOtherEdition drops a question that uses another edition's
// wording: a form the pack in force replaced from the edition before it
// (its phrases of kind older) or a marker of another embedded edition
// ("ITIL value system" in an ITIL 4 quiz, "service value system" in a
// Version 5 one). A question teaches what its words say, so it must speak
// the edition it is for.
const GuidelineOtherEdition = "other-edition-wording"

// editionWording is the lower-case wording of other editions, for
// questions of pack p.
func editionWording(p *pack.Pack) []string {
	var out []string
	for _, ph := range p.Phrases {
		// "v3" phrases are ITIL v3 wording the ITIL 4 pack reports: a
		// question built on them teaches the older edition too.
		if ph.Kind != "older" && ph.Kind != "v3" {
			continue
		}
		for _, w := range ph.Wrong {
			if !strings.Contains(w, "{") && !ph.CaseSensitive && len(ph.Context) == 0 && len(ph.Unless) == 0 && len(ph.NotAfter) == 0 &&
				!insideName(p, w) {
				out = append(out, strings.ToLower(w))
			}
		}
	}
	for _, ed := range pack.Editions {
		if ed == p.Name || !pack.KnownEdition(p.Name) {
			continue
		}
		other, err := pack.ForEdition(ed)
		if err != nil {
			continue
		}
		for _, m := range other.Markers {
			out = append(out, strings.ToLower(m))
		}
	}
	return out
}

// usesWording reports whether the question's stem, options or explanation
// hold one of the forms as whole words.
func usesWording(q Question, forms []string) bool {
	if len(forms) == 0 {
		return false
	}
	texts := append([]string{q.Stem, q.Explanation}, q.Options[:]...)
	for _, t := range texts {
		t = strings.ToLower(t)
		for _, f := range forms {
			if wholeWordIn(t, f) {
				return true
			}
		}
	}
	return false
}

func wholeWordIn(s, w string) bool {
	for i := 0; ; {
		j := strings.Index(s[i:], w)
		if j < 0 {
			return false
		}
		j += i
		before := j == 0 || !isWordByte(s[j-1])
		after := j+len(w) == len(s) || !isWordByte(s[j+len(w)])
		if before && after {
			return true
		}
		i = j + 1
	}
}

func isWordByte(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-' || c >= 0x80
}

// insideName reports whether form is part of a name of the pack ("event
// management" in "Monitoring and event management"): found in a question,
// it is that name, not the older wording. The checker still reports the
// older wording in the notes, and the quiz asks nothing from a sentence it
// reports.
func insideName(p *pack.Pack, form string) bool {
	f := " " + strings.ToLower(form) + " "
	in := func(name string) bool {
		n := " " + strings.ToLower(name) + " "
		return n != f && strings.Contains(n, f)
	}
	for _, t := range p.Terms {
		if in(t.Term) {
			return true
		}
	}
	for _, l := range p.Lists {
		for _, m := range l.Members {
			if in(m.Name) {
				return true
			}
		}
	}
	return false
}
