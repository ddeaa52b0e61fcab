// Package clean owns the formatting rules: every glitch a raw note or a
// transcript carries (split words, truncated words, broken paragraphs,
// indented headings, prose indented into code, spacing, blank lines...) is a
// rule whose findings carry a fix. Cleaning a note is applying those fixes
// (package lint); nothing here changes bytes directly.
//
// Fixes are rule.Safe when the rendered HTML stays the same (whitespace that
// Markdown collapses, heading markers), rule.Structural when they repair
// damage and so change the rendering (joining, de-indenting, re-encoding,
// list markers). Decisions about words use the note's own vocabulary, the
// rule pack's terms and an embedded English word list (package words).
//
// The rules are hand-written byte scans over goldmark's block structure: no
// Markdown linter library repairs transcript damage, and scanning bytes
// keeps the cleaner fast.
package clean

import "github.com/itilint/itilint/pipeline/rule"

// Rules are the formatting rules, in the order `itilint rules` lists them:
// damage to the text first, then words, headings, paragraphs, sentences,
// and whitespace last.
var Rules = []*rule.Rule{
	Mojibake,
	InvisibleSpace,
	SplitWord,
	HyphenBreak,
	TruncatedWord,
	UndecidedWord,
	HeadingIndent,
	HeadingSpace,
	HeadingTrailingHashes,
	HeadingLevel,
	EmptySection,
	BrokenParagraph,
	DanglingParagraph,
	ProseAsCode,
	LineIndent,
	BulletGlyph,
	ParenNumbering,
	EscapedNumbering,
	LiteralEmphasis,
	SentenceCase,
	LowercaseI,
	DoubledWord,
	SpaceBeforePunctuation,
	MultipleSpaces,
	TabInProse,
	TrailingSpace,
	BlankLines,
	FinalNewline,
}
