package load

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/itilint/itilint/pipeline/testcourse"
)

// TestIgnorePatterns: each pattern against paths relative to its file's
// folder, as gitignore(5) describes them.
func TestIgnorePatterns(t *testing.T) {
	tests := []struct {
		pattern string
		path    string
		dir     bool
		want    bool
	}{
		{"drafts", "drafts", true, true},
		{"drafts", "a/b/drafts", true, true},    // no slash: any depth
		{"drafts", "a/drafts", false, true},     // a file too
		{"drafts/", "a/drafts", false, false},   // a folder only
		{"drafts/", "a/drafts", true, true},     // a folder only
		{"/drafts", "a/drafts", true, false},    // anchored to the file's folder
		{"/drafts", "drafts", true, true},       // anchored
		{"a/drafts", "x/a/drafts", true, false}, // a middle slash anchors too
		{"a/drafts", "a/drafts", true, true},
		{"*.tmp.md", "x/y.tmp.md", false, true},
		{"*.md", "x/y.txt", false, false},
		{"a/**/z.md", "a/z.md", false, true},
		{"a/**/z.md", "a/b/c/z.md", false, true},
		{"**/build", "x/y/build", true, true},
		{"note?.md", "note1.md", false, true},
		{"note[0-9].md", "notex.md", false, false},
		{"{a,b}.md", "a.md", false, false}, // no braces in gitignore
		{"{a,b}.md", "{a,b}.md", false, true},
		{`\#x.md`, "#x.md", false, true},
		{"trailing.md   ", "trailing.md", false, true},
	}
	for _, tt := range tests {
		ps := parseIgnore([]byte(tt.pattern))
		if len(ps) != 1 {
			t.Errorf("%q: %d patterns", tt.pattern, len(ps))
			continue
		}
		if got := ps[0].matches(tt.path, tt.dir); got != tt.want {
			t.Errorf("%q against %q (dir %v) = %v, want %v", tt.pattern, tt.path, tt.dir, got, tt.want)
		}
	}
	if ps := parseIgnore([]byte("# comment\n\n  \n!keep.md\r\n")); len(ps) != 1 || !ps[0].negate || ps[0].glob != "keep.md" {
		t.Errorf("comments, blanks and negation: %+v", ps)
	}
}

func walkAll(t *testing.T, root string) []string {
	t.Helper()
	var got []string
	Walk(root, nil, func(in Input) { got = append(got, filepath.ToSlash(in.Rel)) })
	return got
}

// TestWalkSkipsWhatGitIgnores: .gitignore files at every level (a deeper
// one overriding), .git/info/exclude, node_modules and folders itilint
// wrote are not read; outside a work tree .gitignore means nothing.
func TestWalkSkipsWhatGitIgnores(t *testing.T) {
	files := map[string]string{
		".gitignore":            "drafts/\n*.tmp.md\n/top-only.md\n",
		".git/info/exclude":     "private.md\n",
		"a.md":                  "x",
		"top-only.md":           "x",
		"sub/top-only.md":       "x",
		"drafts/d.md":           "x",
		"x.tmp.md":              "x",
		"private.md":            "x",
		"sub/.gitignore":        "!keep.tmp.md\nlocal.md\n",
		"sub/keep.tmp.md":       "x",
		"sub/other.tmp.md":      "x",
		"sub/local.md":          "x",
		"local.md":              "x",
		"node_modules/pkg/r.md": "x",
		"out/" + OutputMarker:   "x",
		"out/clean/a.md":        "x",
	}
	dir := testcourse.Tree(t, files)
	got := strings.Join(walkAll(t, dir), " ")
	want := "a.md local.md sub/keep.tmp.md sub/top-only.md"
	if got != want {
		t.Errorf("in a work tree:\ngot  %s\nwant %s", got, want)
	}
	// The root is read even when it is a folder itilint wrote.
	if got := strings.Join(walkAll(t, filepath.Join(dir, "out")), " "); got != "clean/a.md" {
		t.Errorf("an output folder named: %s", got)
	}
	// A sub-folder walked alone still obeys the .gitignore files above it.
	if got := strings.Join(walkAll(t, filepath.Join(dir, "sub")), " "); got != "keep.tmp.md top-only.md" {
		t.Errorf("a sub-folder: %s", got)
	}
	// Outside a work tree, no .gitignore counts.
	if err := os.RemoveAll(filepath.Join(dir, ".git")); err != nil {
		t.Fatal(err)
	}
	got = strings.Join(walkAll(t, dir), " ")
	want = "a.md drafts/d.md local.md private.md sub/keep.tmp.md sub/local.md sub/other.tmp.md sub/top-only.md top-only.md x.tmp.md"
	if got != want {
		t.Errorf("outside a work tree:\ngot  %s\nwant %s", got, want)
	}
}

// TestWalkPattern: a path that does not exist but holds glob characters
// is a pattern over the folder it starts with.
func TestWalkPattern(t *testing.T) {
	dir := testcourse.Tree(t, map[string]string{
		"notes/a.md": "x", "notes/b/c.md": "x", "notes/b/d.txt": "x", "notes/.h/e.md": "x", "other/f.md": "x",
	})
	for pattern, want := range map[string]string{
		"notes/**/*.md": "a.md b/c.md",
		"notes/*.md":    "a.md",
		"notes/**":      "a.md b/c.md b/d.txt",
		"*/a.md":        "notes/a.md",
		"**/*.{md,txt}": "notes/a.md notes/b/c.md notes/b/d.txt other/f.md",
	} {
		var got []string
		errs := Walk(filepath.Join(dir, pattern), nil, func(in Input) { got = append(got, filepath.ToSlash(in.Rel)) })
		if len(errs) > 0 || strings.Join(got, " ") != want {
			t.Errorf("%s: got %v %v, want %s", pattern, got, errs, want)
		}
	}
	errs := Walk(filepath.Join(dir, "notes/*.vtt"), nil, func(Input) {})
	if len(errs) != 1 || !strings.Contains(errs[0].Error(), "no notes match") {
		t.Errorf("no match: %v", errs)
	}
}
