package note

import (
	"slices"

	"github.com/yuin/goldmark/util"
)

// maxContainerPrefix bounds how far into a line goldmark reads container
// markup: the run of spaces, tabs, block quote markers (>) and list
// markers (-, +, *, 1. or 1)) a line starts with. Past it, the line's
// content starts: the rest of the line is read as the text of whatever
// block the first maxContainerPrefix bytes leave open, a paragraph in
// practice.
//
// goldmark is quadratic in nested containers: for every open container it
// reads the line again from its start (reader.LineOffset), over the
// indentation (util.IndentWidth) or to its end (isThematicBreak), so a line
// of 50,000 "- " or 100,000 ">", or a list indented 4,000 deep, took
// minutes and gigabytes. With the prefix bounded, a line opens or
// continues at most maxContainerPrefix containers, each read over at most
// maxContainerPrefix bytes, and the parse is linear in the note's size;
// the bound is also the constant of that line: a note of lines that each
// continue as many containers as the bound lets costs goldmark tens of
// steps a byte.
//
// CommonMark sets no limit; other parsers bound block nesting for the
// same reason (markdown-it at 100 levels, 20 in its CommonMark preset;
// Dart's markdown package at 32, reading deeper lines as a paragraph).
// 64 bytes is 32 levels of "- " or "> ", 64 of ">": no note nests that
// deep (the real notes and the spec examples stay under 40 bytes), and a
// code line indented further inside a few containers keeps its text and
// its block (the whitespace after the bound only starts the content; see
// boundNesting).
const maxContainerPrefix = 64

// boundNesting returns src[from:] with the container prefix of every line
// cut at maxContainerPrefix bytes, for goldmark (starts are the offsets in
// src of its lines, from one at from): the byte at the bound is replaced
// by a letter, which no container or block starts with, so goldmark stops
// reading markers there. Offsets are unchanged, and blocks are read from
// the note's own text: a paragraph that starts at the bound starts, as
// goldmark would have it, at the first byte that is not a space (see
// addTree). A line whose rest is blank keeps its blankness, and a
// thematic break (- - - ... at the top) stays one.
//
// When no line's prefix reaches the bound (every note written by hand),
// src[from:] itself is returned and masked is false; the line table tells
// which lines are long enough to look at.
func boundNesting(src []byte, from int, starts []int) (out []byte, masked bool) {
	out = src[from:]
	if !boundContainers {
		return out, false
	}
	k, _ := slices.BinarySearch(starts, from)
	for ; k < len(starts); k++ {
		ls, end := starts[k], len(src)
		if k+1 < len(starts) {
			end = starts[k+1] - 1
		}
		if end-ls <= maxContainerPrefix {
			continue
		}
		line := src[ls:end]
		if containerPrefix(line) > maxContainerPrefix &&
			!util.IsBlank(line[maxContainerPrefix:]) && !isThematicBreak(line) {
			if !masked {
				out = append([]byte(nil), out...)
				masked = true
			}
			out[ls-from+maxContainerPrefix] = 'x'
		}
	}
	return out, masked
}

// boundContainers is whether boundNesting cuts anything; the tests turn
// it off to compare with goldmark reading every line to its end.
var boundContainers = true

// containerPrefix returns the length of line's container prefix (spaces,
// tabs, >, list markers followed by a space, a tab or the end of the
// line), reading no further than maxContainerPrefix+1 bytes.
func containerPrefix(line []byte) int {
	i := 0
	for i < len(line) && i <= maxContainerPrefix {
		switch c := line[i]; {
		case c == ' ' || c == '\t' || c == '>':
			i++
		case c == '-' || c == '+' || c == '*':
			if i+1 < len(line) && line[i+1] != ' ' && line[i+1] != '\t' {
				return i
			}
			i++
		case '0' <= c && c <= '9':
			j := i
			for j < len(line) && j-i < 9 && '0' <= line[j] && line[j] <= '9' {
				j++
			}
			if j == len(line) || line[j] != '.' && line[j] != ')' ||
				j+1 < len(line) && line[j+1] != ' ' && line[j+1] != '\t' {
				return i
			}
			i = j + 1
		default:
			return i
		}
	}
	return i
}
