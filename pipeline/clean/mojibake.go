package clean

import (
	"bytes"
	"unicode/utf8"

	"golang.org/x/text/encoding/charmap"

	"github.com/itilint/itilint/pipeline/edit"
	"github.com/itilint/itilint/pipeline/rule"
)

// mojibakeAt decodes a double-encoded UTF-8 sequence at src[i:]: UTF-8
// bytes that were read as Windows-1252 and written out again as UTF-8
// ("â€™" for "’"). It returns the sequence's end and the character meant.
func mojibakeAt(src []byte, i int) (end int, meant string, ok bool) {
	lead, size := utf8.DecodeRune(src[i:])
	if lead < 0xC2 || lead > 0xF4 {
		return 0, "", false
	}
	follow := 1
	switch {
	case lead >= 0xF0:
		follow = 3
	case lead >= 0xE0:
		follow = 2
	}
	raw := []byte{byte(lead)}
	j := i + size
	for k := 0; k < follow; k++ {
		if j >= len(src) {
			return 0, "", false
		}
		r, sz := utf8.DecodeRune(src[j:])
		b, ok := charmap.Windows1252.EncodeRune(r)
		if !ok || b < 0x80 || b > 0xBF {
			return 0, "", false
		}
		raw = append(raw, b)
		j += sz
	}
	r, sz := utf8.DecodeRune(raw)
	if r == utf8.RuneError || sz != len(raw) {
		return 0, "", false
	}
	return j, string(raw), true
}

func runMojibake(p *rule.Pass) {
	src := p.Note.Text
	d := docOf(p.Note)
	for i := 0; i < len(src); i++ {
		// Â..ô, U+00C2..U+00F4, are C3 82..C3 B4 in UTF-8; most notes
		// have none, and the search skips the ASCII text fast.
		k := bytes.IndexByte(src[i:], 0xC3)
		if k < 0 {
			break
		}
		i += k
		end, meant, ok := mojibakeAt(src, i)
		if !ok || !d.inProse(i) {
			continue
		}
		p.Report(rule.Finding{Start: i, End: end, Message: rule.Messagef("%q is %q encoded twice (mojibake)", string(src[i:end]), meant),
			Fix: rule.NewFix(rule.Messagef("write %q", meant), rule.Structural, edit.Edit{Start: i, End: end, New: meant})})
		i = end - 1
	}
}

// Mojibake repairs double-encoded UTF-8.
var Mojibake = &rule.Rule{
	ID:       "mojibake",
	Severity: rule.Warning,
	Doc: `Text was encoded twice ("â€™" for "’", "Ã©" for "é").
Copying between programs that disagree on the encoding turns each accented
letter or typographic quote into two or three odd characters; they are
decoded back.`,
	Good: []string{"Value’s owner is the café.\n"},
	Bad:  []string{"Valueâ€™s owner is the cafÃ©.\n"},
	Run:  runMojibake,
}
