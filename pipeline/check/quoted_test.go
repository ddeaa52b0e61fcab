package check

import (
	"bytes"
	"testing"
	"unicode/utf8"
)

// quotedAtReference is quotedAt as first written: the paragraph found with
// bytes.LastIndex, then every rune decoded. quotedAt must agree with it.
func quotedAtReference(src []byte, off int) bool {
	start := bytes.LastIndex(src[:off], []byte("\n\n"))
	if start < 0 {
		start = 0
	}
	straight, curly := 0, 0
	for i := start; i < off; {
		r, size := utf8.DecodeRune(src[i:])
		switch r {
		case '"':
			straight++
		case '“':
			curly++
		case '”':
			if curly > 0 {
				curly--
			}
		}
		i += size
	}
	return straight%2 == 1 || curly > 0
}

func TestQuotedAtAgreesWithReference(t *testing.T) {
	texts := []string{
		"",
		"plain text with no marks",
		"He said \"the service\" is fine.\n\nThen \"open quote",
		"“curly open\n\nand closed” then “again",
		"“a\n\n\n”b“c” d \"e",
		"bad \xe2\x80 utf8 \xe2 “ok” \xe2\x80\x9c",
		"\n\n\"\n\n\"x",
		"é “ü” ö\"",
	}
	for _, text := range texts {
		src := []byte(text)
		for off := 0; off <= len(src); off++ {
			if got, want := quotedAt(src, off), quotedAtReference(src, off); got != want {
				t.Errorf("quotedAt(%q, %d) = %v, want %v", text, off, got, want)
			}
		}
	}
}
