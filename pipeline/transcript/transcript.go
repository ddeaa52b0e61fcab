// Package transcript owns the conversion of caption files (WebVTT .vtt and
// SubRip .srt) into Markdown paragraphs the cleaner and the checker read:
// cue numbers, timings and styling are dropped, the text of the cues is kept
// in order, a new paragraph starts at a long pause or a change of speaker,
// and speakers are labelled **Name:**.
//
// Each output line is the text of one cue, so a finding maps back to the
// cue's line on disk (the diskLines table); Markdown renders the lines of a
// paragraph as running text.
//
// The parsers are hand-written: no maintained Go library reads both formats
// and reports the line of a bad timing, and both formats are small.
package transcript

import (
	"bytes"
	"fmt"
	"html"
	"strconv"
	"strings"
	"time"
	"unicode"

	"github.com/itilint/itilint/pipeline/note"
)

// Options change the conversion.
type Options struct {
	// DropFillers removes spoken fillers (um, uh) and inline timestamps
	// such as [04:01] from the text.
	DropFillers bool
	// Pause is the silence between two cues that starts a new paragraph;
	// zero means DefaultPause.
	Pause time.Duration
}

// DefaultPause is the silence that starts a new paragraph.
const DefaultPause = 2 * time.Second

// A cue is one caption: its timing, speaker and text lines.
type cue struct {
	start, end time.Duration
	speaker    string
	text       []string // shares the lines of Convert's split; labelSpeakers rewrites them in place
	line       int      // disk line of the first text line
}

// Convert turns a caption file into Markdown text. diskLines[i] is the
// 1-based line on disk of output line i. Errors start with the disk line
// ("12: bad timing line ..."); the caller prefixes the path.
func Convert(format note.Format, raw []byte, opts Options) (text []byte, diskLines []int, err error) {
	raw = bytes.TrimPrefix(raw, []byte("\xef\xbb\xbf"))
	src := string(raw)
	if strings.Contains(src, "\r\n") {
		src = strings.ReplaceAll(src, "\r\n", "\n")
	}
	lines := strings.Split(src, "\n")
	for i, l := range lines {
		lines[i] = strings.TrimRight(l, "\r")
	}
	var cues []cue
	switch format {
	case note.WebVTT:
		cues, err = parseVTT(lines)
	case note.SubRip:
		cues, err = parseSRT(lines)
	default:
		return nil, nil, fmt.Errorf("1: %v is not a transcript format", format)
	}
	if err != nil {
		return nil, nil, err
	}
	labelSpeakers(cues)
	if opts.Pause <= 0 {
		opts.Pause = DefaultPause
	}
	text, diskLines = render(cues, opts)
	return text, diskLines, nil
}

// blocks splits lines into runs of non-blank lines, with the 0-based index
// of each run's first line.
func blocks(lines []string) (out [][]string, firsts []int) {
	first := -1
	for i, l := range lines {
		if strings.TrimSpace(l) == "" {
			if first >= 0 {
				// A block is a run of the lines themselves, not a copy.
				out, firsts = append(out, lines[first:i:i]), append(firsts, first)
				first = -1
			}
			continue
		}
		if first < 0 {
			first = i
		}
	}
	if first >= 0 {
		out, firsts = append(out, lines[first:len(lines):len(lines)]), append(firsts, first)
	}
	return out, firsts
}

func parseVTT(lines []string) ([]cue, error) {
	if len(lines) == 0 || !strings.HasPrefix(lines[0], "WEBVTT") ||
		len(lines[0]) > 6 && lines[0][6] != ' ' && lines[0][6] != '\t' {
		return nil, fmt.Errorf("1: a WebVTT file starts with a WEBVTT line")
	}
	bs, firsts := blocks(lines)
	cues := make([]cue, 0, len(bs))
	for k, b := range bs {
		if k == 0 && firsts[k] == 0 {
			continue // the header block
		}
		if strings.HasPrefix(b[0], "NOTE") || b[0] == "STYLE" || b[0] == "REGION" {
			continue
		}
		c, err := parseCue(b, firsts[k], '.')
		if err != nil {
			return nil, err
		}
		cues = append(cues, c)
	}
	return cues, nil
}

func parseSRT(lines []string) ([]cue, error) {
	bs, firsts := blocks(lines)
	cues := make([]cue, 0, len(bs))
	for k, b := range bs {
		c, err := parseCue(b, firsts[k], ',')
		if err != nil {
			return nil, err
		}
		cues = append(cues, c)
	}
	return cues, nil
}

// parseCue reads one block: an optional identifier (the SRT number), the
// timing line, the text.
func parseCue(b []string, first int, frac byte) (cue, error) {
	t := 0
	if !strings.Contains(b[0], "-->") {
		t = 1
	}
	if t >= len(b) || !strings.Contains(b[t], "-->") {
		return cue{}, fmt.Errorf("%d: cue without a timing line (want \"00:00:01%c000 --> 00:00:04%c000\")", first+1+min(t, len(b)-1), frac, frac)
	}
	start, end, ok := parseTiming(b[t], frac)
	if !ok {
		return cue{}, fmt.Errorf("%d: bad timing line %q", first+1+t, b[t])
	}
	// The text lines follow the timing line on disk, one after another.
	return cue{start: start, end: end, text: b[t+1:], line: first + t + 2}, nil
}

func parseTiming(line string, frac byte) (start, end time.Duration, ok bool) {
	a, rest, found := strings.Cut(line, "-->")
	if !found {
		return 0, 0, false
	}
	// The end time is the first field of rest (as strings.Fields splits
	// it); cue settings may follow.
	rest = strings.TrimLeftFunc(rest, unicode.IsSpace)
	if rest == "" {
		return 0, 0, false
	}
	if i := strings.IndexFunc(rest, unicode.IsSpace); i >= 0 {
		rest = rest[:i]
	}
	start, ok1 := parseTime(strings.TrimSpace(a), frac)
	end, ok2 := parseTime(rest, frac)
	return start, end, ok1 && ok2 && end >= start
}

// parseTime reads [hh:]mm:ss.mmm (or ss,mmm for SubRip; either is accepted).
// It runs twice for every cue, so it reads the fields in place instead of
// splitting the string.
func parseTime(s string, frac byte) (time.Duration, bool) {
	sec, ms, found := cutFraction(s, frac)
	if !found || len(ms) != 3 {
		return 0, false
	}
	var d time.Duration
	fields := 0
	for rest, more := sec, true; more; fields++ {
		var p string
		p, rest, more = strings.Cut(rest, ":")
		if fields == 3 {
			return 0, false // more than hh:mm:ss
		}
		v, ok := smallNumber(p)
		if !ok {
			return 0, false
		}
		d = d*60 + time.Duration(v)
	}
	if fields < 2 {
		return 0, false
	}
	m, err := strconv.Atoi(ms)
	if err != nil || m < 0 {
		return 0, false
	}
	return d*time.Second + time.Duration(m)*time.Millisecond, true
}

// cutFraction cuts a time at its fraction separator: frac, or else the
// other format's (',' for '.', '.' for ',').
func cutFraction(s string, frac byte) (sec, ms string, found bool) {
	if sec, ms, found = strings.Cut(s, string(frac)); found {
		return sec, ms, true
	}
	other := byte('.')
	if frac == '.' {
		other = ','
	}
	return strings.Cut(s, string(other))
}

// smallNumber reads a field of a time: one to three characters that
// strconv.Atoi reads as a number of at least 0 ("+5" is one).
func smallNumber(p string) (int, bool) {
	if len(p) == 0 || len(p) > 3 {
		return 0, false
	}
	v, err := strconv.Atoi(p)
	return v, err == nil && v >= 0
}

// labelSpeakers takes each cue's speaker from a voice tag (<v Name>) or,
// when the transcript labels speakers (one "Name:" opens two cues or more),
// from a leading "Name:".
func labelSpeakers(cues []cue) {
	labels := map[string]int{}
	labelled := false
	for _, c := range cues {
		if len(c.text) > 0 {
			if name, _, ok := nameLabel(c.text[0]); ok {
				labels[name]++
				labelled = labelled || labels[name] >= 2
			}
		}
	}
	for i := range cues {
		c := &cues[i]
		for j, l := range c.text {
			if name, rest, ok := voiceTag(l); ok {
				if j == 0 {
					c.speaker = name
				}
				c.text[j] = rest
			}
		}
		if c.speaker == "" && len(c.text) > 0 {
			if name, rest, ok := nameLabel(c.text[0]); ok && labelled {
				c.speaker, c.text[0] = name, rest
			}
		}
	}
}

// voiceTag reads a leading <v Name> or <v.class Name>.
func voiceTag(l string) (name, rest string, ok bool) {
	if !strings.HasPrefix(l, "<v") || len(l) < 3 || (l[2] != ' ' && l[2] != '.' && l[2] != '\t') {
		return "", "", false
	}
	end := strings.IndexByte(l, '>')
	if end < 0 {
		return "", "", false
	}
	tag := l[2:end]
	if tag != "" && tag[0] == '.' {
		_, tag, _ = strings.Cut(tag, " ")
	}
	return strings.TrimSpace(html.UnescapeString(tag)), l[end+1:], true
}

// nameLabel reads a leading "Name:" of one to three capitalised words.
func nameLabel(l string) (name, rest string, ok bool) {
	l = strings.TrimLeft(l, "- ")
	head, rest, found := strings.Cut(l, ":")
	if !found || rest == "" || rest[0] != ' ' {
		return "", "", false
	}
	words := strings.Fields(head)
	if len(words) == 0 || len(words) > 3 {
		return "", "", false
	}
	for _, w := range words {
		if w[0] < 'A' || w[0] > 'Z' {
			return "", "", false
		}
	}
	return strings.Join(words, " "), strings.TrimSpace(rest), true
}

// render writes the cues as paragraphs, one cue a line.
func render(cues []cue, opts Options) ([]byte, []int) {
	var out bytes.Buffer
	out.Grow(64 * len(cues)) // about a short cue line each
	disk := make([]int, 0, len(cues))
	speaker := ""
	var prevEnd time.Duration
	started := false
	for _, c := range cues {
		// The cue's cleaned lines, joined by spaces; most cues are one
		// line, which is used as it is.
		text := ""
		for _, l := range c.text {
			switch t := cleanText(l, opts); {
			case t == "":
			case text == "":
				text = t
			default:
				text += " " + t
			}
		}
		if text == "" {
			continue
		}
		line := c.line
		newPara := !started || c.start-prevEnd >= opts.Pause || c.speaker != "" && c.speaker != speaker
		if newPara && started {
			out.WriteByte('\n')
			disk = append(disk, line)
		}
		if newPara && c.speaker != "" && c.speaker != speaker {
			fmt.Fprintf(&out, "**%s:** ", strings.ReplaceAll(c.speaker, "*", `\*`))
			speaker = c.speaker
		} else if strings.ContainsRune("#>-+*=|", rune(text[0])) || startsOrdered(text) {
			text = `\` + text // the cue is text, not a Markdown block
		}
		out.WriteString(text)
		out.WriteByte('\n')
		disk = append(disk, line)
		prevEnd = max(c.end, c.start)
		started = true
	}
	return out.Bytes(), disk
}

// cleanText strips the styling tags and entities of a cue line and, with
// DropFillers, fillers and timestamps.
func cleanText(l string, opts Options) string {
	if !opts.DropFillers && plainText(l) {
		return l // most cue lines: nothing to strip or collapse
	}
	var b strings.Builder
	for i := 0; i < len(l); i++ {
		if l[i] == '<' {
			if end := strings.IndexByte(l[i:], '>'); end > 0 {
				i += end
				continue
			}
		}
		b.WriteByte(l[i])
	}
	s := html.UnescapeString(b.String())
	s = strings.ReplaceAll(s, "\u00a0", " ")
	s = strings.ReplaceAll(s, "\u200e", "")
	s = strings.ReplaceAll(s, "\u200f", "")
	if opts.DropFillers {
		s = dropFillers(s)
	}
	return strings.Join(strings.Fields(s), " ")
}

// plainText reports whether cleanText would return l unchanged because it
// is printable ASCII without tags, entities, tabs or runs of spaces, and
// does not start or end with a space.
func plainText(l string) bool {
	if l == "" || l[0] == ' ' || l[len(l)-1] == ' ' {
		return false
	}
	for i := 0; i < len(l); i++ {
		c := l[i]
		if c < ' ' || c > '~' || c == '<' || c == '&' || c == ' ' && l[i+1] == ' ' {
			return false
		}
	}
	return true
}

// startsOrdered reports whether s starts like an ordered list item ("1. ").
func startsOrdered(s string) bool {
	i := 0
	for i < len(s) && s[i] >= '0' && s[i] <= '9' {
		i++
	}
	return i > 0 && i < len(s) && (s[i] == '.' || s[i] == ')') && (i+1 == len(s) || s[i+1] == ' ')
}

// fillers are spoken hesitations with no meaning.
var fillers = map[string]bool{"um": true, "umm": true, "uh": true, "uhh": true, "uhm": true, "erm": true, "er": true, "hmm": true}

// dropFillers removes fillers (with the comma that follows one) and
// timestamps in brackets such as [04:01] or [00:04:20.10].
func dropFillers(s string) string {
	words := strings.Fields(s)
	out := words[:0]
	for _, w := range words {
		core := strings.TrimRight(w, ",.…")
		if fillers[strings.ToLower(core)] {
			if strings.HasSuffix(w, ".") && len(out) > 0 && !strings.HasSuffix(out[len(out)-1], ".") {
				out[len(out)-1] = strings.TrimRight(out[len(out)-1], ",") + "."
			}
			continue
		}
		if isTimestamp(w) {
			continue
		}
		out = append(out, w)
	}
	return strings.Join(out, " ")
}

// isTimestamp reports whether w is a bracketed time: [04:01], \[04:01\].
func isTimestamp(w string) bool {
	w = strings.ReplaceAll(w, `\`, "")
	if len(w) < 6 || w[0] != '[' || w[len(w)-1] != ']' {
		return false
	}
	inner := w[1 : len(w)-1]
	if !strings.Contains(inner, ":") {
		return false
	}
	for _, c := range inner {
		if (c < '0' || c > '9') && c != ':' && c != '.' && c != ',' {
			return false
		}
	}
	return true
}
