package lint

import (
	"bytes"
	"regexp"
	"strings"

	"github.com/itilint/itilint/pipeline/note"
	"github.com/itilint/itilint/pipeline/rule"
)

// Inline control comments, as in markdownlint:
//
//	<!-- itilint-disable RULE... -->          off from here (all rules if none named)
//	<!-- itilint-enable RULE... -->           on again
//	<!-- itilint-disable-next-line RULE... --> off for the next line only
var controlRE = regexp.MustCompile(`<!--\s*itilint-(disable-next-line|disable|enable)((?:\s+[a-z0-9-]+)*)\s*-->`)

// commentOpen starts every control comment.
var commentOpen = []byte("<!--")

type control struct {
	off   int // byte offset where the comment is
	line  int
	kind  string
	rules []string
}

// suppress drops findings switched off by inline control comments.
func suppress(n *note.Note, fs []rule.Finding) []rule.Finding {
	// Nearly no note has a control comment, and the regexp's backtracker
	// clears a bitmap the size of the note on every call: a search for
	// "<!--" first saves it. ("<" is rare in prose, so the search skips
	// ahead fast; "itilint-" would stop at every "i".) It runs for every
	// note, in the workers and again for the course-level rules, so
	// nothing is searched when there is nothing to drop.
	if len(fs) == 0 || !bytes.Contains(n.Text, commentOpen) {
		return fs
	}
	matches := controlRE.FindAllSubmatchIndex(n.Text, -1)
	if len(matches) == 0 {
		return fs
	}
	var controls []control
	for _, m := range matches {
		c := control{off: m[0], line: n.LineOf(m[0]), kind: string(n.Text[m[2]:m[3]])}
		c.rules = strings.Fields(string(n.Text[m[4]:m[5]]))
		controls = append(controls, c)
	}
	names := func(c control, id string) bool {
		if len(c.rules) == 0 {
			return true
		}
		for _, r := range c.rules {
			if r == id {
				return true
			}
		}
		return false
	}
	kept := fs[:0]
	for _, f := range fs {
		line := n.LineOf(f.Start)
		disabled := false
		for _, c := range controls {
			if !names(c, f.Rule) {
				continue
			}
			switch c.kind {
			case "disable-next-line":
				if line == c.line+1 {
					disabled = true
				}
			case "disable":
				if c.off <= f.Start {
					disabled = true
				}
			case "enable":
				if c.off <= f.Start {
					disabled = false
				}
			}
		}
		if !disabled {
			kept = append(kept, f)
		}
	}
	return kept
}
