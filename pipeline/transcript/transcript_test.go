package transcript

import (
	"bytes"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/itilint/itilint/pipeline/note"
)

var update = flag.Bool("update", false, "rewrite the golden files")

func formatOf(path string) note.Format {
	if filepath.Ext(path) == ".srt" {
		return note.SubRip
	}
	return note.WebVTT
}

// show renders a conversion with each output line's disk line, for goldens.
func show(text []byte, disk []int) string {
	var b strings.Builder
	for i, l := range strings.SplitAfter(string(text), "\n") {
		if l == "" {
			continue
		}
		fmt.Fprintf(&b, "%3d| %s", disk[i], l)
	}
	return b.String()
}

func TestConvertGolden(t *testing.T) {
	inputs, _ := filepath.Glob("testdata/*.vtt")
	srt, _ := filepath.Glob("testdata/*.srt")
	inputs = append(inputs, srt...)
	inputs = append(inputs, "../../source/transcripts/incident-management-lecture.vtt")
	for _, in := range inputs {
		raw, err := os.ReadFile(in)
		if err != nil {
			t.Logf("skip %s: %v", in, err)
			continue
		}
		for _, drop := range []bool{false, true} {
			text, disk, err := Convert(formatOf(in), raw, Options{DropFillers: drop})
			if err != nil {
				t.Fatalf("%s: %v", in, err)
			}
			if got := bytes.Count(text, []byte("\n")); got != len(disk) {
				t.Errorf("%s: %d lines but %d disk lines", in, got, len(disk))
			}
			name := "testdata/" + strings.TrimSuffix(filepath.Base(in), filepath.Ext(in)) + filepath.Ext(in)[1:]
			if drop {
				name += "-drop"
			}
			check(t, name+".golden", show(text, disk))
		}
	}
}

func check(t *testing.T, path, got string) {
	t.Helper()
	if *update {
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update)", err)
	}
	if got != string(want) {
		t.Errorf("%s differs:\n%s", path, got)
	}
}

func TestConvertErrors(t *testing.T) {
	for _, tc := range []struct {
		format note.Format
		in     string
		want   string
	}{
		{note.WebVTT, "1\n00:00:01.000 --> 00:00:02.000\nhi\n", "1: a WebVTT file starts with a WEBVTT line"},
		{note.WebVTT, "WEBVTT\n\n00:00:01.000 --> 00:0x:02.000\nhi\n", `3: bad timing line "00:00:01.000 --> 00:0x:02.000"`},
		{note.SubRip, "1\n00:00:01,000 --> 00:00:02,000\nhi\n\n2\n00:00:05,000 -> 00:00:06,000\nho\n", "6: cue without a timing line"},
		{note.SubRip, "1\n00:00:03,000 --> 00:00:02,000\nhi\n", `2: bad timing line`},
		{note.Markdown, "x", "not a transcript format"},
	} {
		_, _, err := Convert(tc.format, []byte(tc.in), Options{})
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("Convert(%q) error = %v, want %q", tc.in, err, tc.want)
		}
	}
}

func TestConvertCRLFAndBOM(t *testing.T) {
	in := "\xef\xbb\xbfWEBVTT\r\n\r\n00:01.000 --> 00:02.000\r\nHello there.\r\n"
	text, disk, err := Convert(note.WebVTT, []byte(in), Options{})
	if err != nil {
		t.Fatal(err)
	}
	if string(text) != "Hello there.\n" || len(disk) != 1 || disk[0] != 4 {
		t.Errorf("got %q %v", text, disk)
	}
}

// FuzzConvert: never panics; the line table matches the output; output is
// valid UTF-8 when the input is.
func FuzzConvert(f *testing.F) {
	for _, s := range []string{
		"WEBVTT\n\n00:01.000 --> 00:02.000\n<v A>hi um\n",
		"1\n00:00:01,000 --> 00:00:02,000\nA: x\n\n2\n00:00:09,000 --> 00:00:10,000\nA: y\n",
		"WEBVTT\n\nNOTE x\n\nid\n00:01.000 --> 00:02.000 line:0\n# not a heading\n",
	} {
		f.Add(s, true)
	}
	f.Fuzz(func(t *testing.T, in string, vtt bool) {
		format := note.SubRip
		if vtt {
			format = note.WebVTT
		}
		text, disk, err := Convert(format, []byte(in), Options{DropFillers: true})
		if err != nil {
			return
		}
		if got := bytes.Count(text, []byte("\n")); got != len(disk) {
			t.Fatalf("%d lines but %d disk lines", got, len(disk))
		}
		lines := strings.Count(in, "\n") + 1
		for _, d := range disk {
			if d < 1 || d > lines {
				t.Fatalf("disk line %d out of 1..%d", d, lines)
			}
		}
	})
}

// parseTimeBySplit is parseTime as first written, with strings.Split: the
// reference FuzzParseTiming holds parseTime to.
func parseTimeBySplit(s string, frac byte) (time.Duration, bool) {
	sec, ms, found := cutFraction(s, frac)
	if !found {
		return 0, false
	}
	parts := strings.Split(sec, ":")
	if len(parts) < 2 || len(parts) > 3 || len(ms) != 3 {
		return 0, false
	}
	var d time.Duration
	for _, p := range parts {
		v, err := strconv.Atoi(p)
		if err != nil || v < 0 || len(p) == 0 || len(p) > 3 {
			return 0, false
		}
		d = d*60 + time.Duration(v)
	}
	m, err := strconv.Atoi(ms)
	if err != nil || m < 0 {
		return 0, false
	}
	return d*time.Second + time.Duration(m)*time.Millisecond, true
}

// parseTimingByFields is parseTiming as first written, with strings.Fields.
func parseTimingByFields(line string, frac byte) (start, end time.Duration, ok bool) {
	a, rest, found := strings.Cut(line, "-->")
	if !found {
		return 0, 0, false
	}
	fields := strings.Fields(rest)
	if len(fields) == 0 {
		return 0, 0, false
	}
	start, ok1 := parseTimeBySplit(strings.TrimSpace(a), frac)
	end, ok2 := parseTimeBySplit(fields[0], frac)
	return start, end, ok1 && ok2 && end >= start
}

// FuzzParseTiming holds the timing-line parser to the first version's
// answers, on both fraction separators.
func FuzzParseTiming(f *testing.F) {
	for _, s := range []string{
		"00:01.000 --> 00:02.000", "00:00:01,000 --> 00:00:02,000 align:start", "1:2:3.004-->1:2:3.005\tx",
		"+1:02.000 --> 01:02.000", "00:00:00:01.000 --> 1", "01.000 --> 02.000", " -->  ", "1:\u00a02.000 --> 1:02.000",
	} {
		f.Add(s, true)
	}
	f.Fuzz(func(t *testing.T, line string, vtt bool) {
		frac := byte(',')
		if vtt {
			frac = '.'
		}
		s1, e1, ok1 := parseTiming(line, frac)
		s2, e2, ok2 := parseTimingByFields(line, frac)
		if s1 != s2 || e1 != e2 || ok1 != ok2 {
			t.Fatalf("parseTiming(%q) = %v %v %v, want %v %v %v", line, s1, e1, ok1, s2, e2, ok2)
		}
	})
}
