package emit

import (
	"strconv"
	"unicode/utf8"
)

// The machine formats are written by appending to one buffer, as the text
// format is, not through encoding/json's and encoding/xml's reflection:
// on a course with a hundred thousand findings that was most of a run's
// time. The escapers below write what those packages write, byte for byte
// (TestAppendEncodersMatchLibraries and TestFindingWritersMatchReference
// hold them to it), so the reports did not change.

const hexDigits = "0123456789abcdef"

// jsonSafe marks the ASCII bytes a JSON string holds as they are, for
// html false; html also escapes <, > and & as encoding/json does by
// default.
var jsonSafe = func() (safe [utf8.RuneSelf]bool) {
	for b := 0x20; b < utf8.RuneSelf; b++ {
		safe[b] = b != '"' && b != '\\'
	}
	return safe
}()

// appendJSONString appends s as a JSON string, as encoding/json writes it
// (escapeHTML as Encoder.SetEscapeHTML).
func appendJSONString(b []byte, s string, escapeHTML bool) []byte {
	b = append(b, '"')
	b = appendJSONStringBody(b, s, escapeHTML)
	return append(b, '"')
}

// appendJSONStringBody appends s escaped as appendJSONString does, without
// the quotes: the part of a string that is not a constant.
func appendJSONStringBody(b []byte, s string, escapeHTML bool) []byte {
	start := 0
	for i := 0; i < len(s); {
		if c := s[i]; c < utf8.RuneSelf {
			if jsonSafe[c] && !(escapeHTML && (c == '<' || c == '>' || c == '&')) {
				i++
				continue
			}
			b = append(b, s[start:i]...)
			switch c {
			case '\\', '"':
				b = append(b, '\\', c)
			case '\b':
				b = append(b, '\\', 'b')
			case '\f':
				b = append(b, '\\', 'f')
			case '\n':
				b = append(b, '\\', 'n')
			case '\r':
				b = append(b, '\\', 'r')
			case '\t':
				b = append(b, '\\', 't')
			default:
				b = append(b, '\\', 'u', '0', '0', hexDigits[c>>4], hexDigits[c&0xF])
			}
			i++
			start = i
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size == 1 {
			b = append(b, s[start:i]...)
			b = append(b, `\ufffd`...)
			i += size
			start = i
			continue
		}
		if r == '\u2028' || r == '\u2029' {
			b = append(b, s[start:i]...)
			b = append(b, '\\', 'u', '2', '0', '2', hexDigits[r&0xF])
			i += size
			start = i
			continue
		}
		i += size
	}
	return append(b, s[start:]...)
}

// appendXMLEscaped appends s escaped for an XML attribute value or
// character data, as encoding/xml writes both.
func appendXMLEscaped(b []byte, s string) []byte {
	start := 0
	for i := 0; i < len(s); {
		c := s[i]
		var esc string
		width := 1
		if c < utf8.RuneSelf {
			switch c {
			case '"':
				esc = "&#34;"
			case '\'':
				esc = "&#39;"
			case '&':
				esc = "&amp;"
			case '<':
				esc = "&lt;"
			case '>':
				esc = "&gt;"
			case '\t':
				esc = "&#x9;"
			case '\n':
				esc = "&#xA;"
			case '\r':
				esc = "&#xD;"
			default:
				if c < 0x20 {
					esc = "\uFFFD"
				}
			}
		} else {
			var r rune
			r, width = utf8.DecodeRuneInString(s[i:])
			if !xmlChar(r) || (r == utf8.RuneError && width == 1) {
				esc = "\uFFFD"
			}
		}
		i += width
		if esc == "" {
			continue
		}
		b = append(b, s[start:i-width]...)
		b = append(b, esc...)
		start = i
	}
	return append(b, s[start:]...)
}

// xmlChar is encoding/xml's isInCharacterRange for runes from U+0080.
func xmlChar(r rune) bool {
	return r <= 0xD7FF || r >= 0xE000 && r <= 0xFFFD || r >= 0x10000 && r <= 0x10FFFF
}

func appendInt(b []byte, n int) []byte { return strconv.AppendInt(b, int64(n), 10) }
