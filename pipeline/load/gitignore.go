package load

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"

	"github.com/bmatcuk/doublestar/v4"
)

// The walk leaves out what git ignores, as markdownlint-cli2 and ripgrep
// do: a course kept in a repository has build output, drafts and exports
// in folders its .gitignore names, and they are not the course. This is
// the part of gitignore(5) a walk needs: patterns from every .gitignore
// between the repository's root and each file, and from .git/info/exclude;
// "#" comments, "!" negation, a trailing "/" for folders only, patterns
// anchored by a slash, "*", "?", "[...]" and "**". A file inside an
// ignored folder stays ignored whatever a later "!" says, as in git,
// because the walk never enters the folder. The global excludes file
// (core.excludesFile) is not read.

// ignoreFile is the patterns of one ignore file.
type ignoreFile struct {
	// dir is the folder the patterns are relative to, relative to the walk
	// root ("" for the root); up, for a file above the root, is the root's
	// path relative to that file's folder, with a trailing slash.
	dir, up  string
	patterns []ignorePattern
}

type ignorePattern struct {
	glob     string // a doublestar pattern, matched against a base name or a relative path
	negate   bool
	dirOnly  bool
	anchored bool // matched against the path from the file's folder, not the base name
}

// parseIgnore reads the patterns of a .gitignore's text.
func parseIgnore(data []byte) []ignorePattern {
	var out []ignorePattern
	for _, line := range bytes.Split(data, []byte("\n")) {
		s := strings.TrimSuffix(string(line), "\r")
		// Trailing spaces go unless escaped with a backslash.
		for strings.HasSuffix(s, " ") && !strings.HasSuffix(s, "\\ ") {
			s = s[:len(s)-1]
		}
		if s == "" || s[0] == '#' {
			continue
		}
		var p ignorePattern
		if s[0] == '!' {
			p.negate, s = true, s[1:]
		} else if strings.HasPrefix(s, `\!`) || strings.HasPrefix(s, `\#`) {
			s = s[1:]
		}
		if strings.HasSuffix(s, "/") {
			p.dirOnly, s = true, strings.TrimRight(s, "/")
		}
		if s == "" {
			continue
		}
		p.anchored = strings.Contains(s, "/")
		s = strings.TrimPrefix(s, "/")
		// doublestar knows {a,b} alternatives; gitignore has none.
		s = strings.NewReplacer("{", `\{`, "}", `\}`).Replace(s)
		if !doublestar.ValidatePattern(s) {
			continue // git ignores a pattern it cannot parse too
		}
		p.glob = s
		out = append(out, p)
	}
	return out
}

// matches reports whether the pattern matches the path rel (slashes,
// relative to the ignore file's folder) of a file or folder.
func (p ignorePattern) matches(rel string, dir bool) bool {
	if p.dirOnly && !dir {
		return false
	}
	if !p.anchored {
		rel = rel[strings.LastIndexByte(rel, '/')+1:]
	}
	ok, _ := doublestar.Match(p.glob, rel)
	return ok
}

// gitIgnores is the stack of ignore files in force at a point of the walk,
// the deepest last: a deeper file's patterns win over a shallower one's,
// and within a file the last matching pattern decides.
type gitIgnores []*ignoreFile

// ignored reports whether git ignores the entry at rel (relative to the
// walk root, slashes).
func (g gitIgnores) ignored(rel string, dir bool) bool {
	for i := len(g) - 1; i >= 0; i-- {
		f := g[i]
		p := f.up + rel
		if f.up == "" && f.dir != "" {
			p = rel[len(f.dir)+1:]
		}
		for j := len(f.patterns) - 1; j >= 0; j-- {
			if f.patterns[j].matches(p, dir) {
				return !f.patterns[j].negate
			}
		}
	}
	return false
}

// repoIgnores finds the git work tree that holds the folder root and
// returns the ignore files that apply above root: .git/info/exclude and
// the .gitignore files from the work tree's top down to root's parent.
// ok is false outside a work tree: there nothing is ignored, as git
// ignores nothing where it does not look.
func repoIgnores(root string) (files gitIgnores, ok bool) {
	abs, err := filepath.Abs(root)
	if err != nil {
		return nil, false
	}
	var chain []string // abs and its parents up to the work tree's top
	top := ""
	for d := abs; ; d = filepath.Dir(d) {
		chain = append(chain, d)
		if _, err := os.Lstat(filepath.Join(d, ".git")); err == nil {
			top = d
			break
		}
		if filepath.Dir(d) == d {
			return nil, false
		}
	}
	upOf := func(d string) string {
		rel, err := filepath.Rel(d, abs)
		if err != nil || rel == "." {
			return ""
		}
		return filepath.ToSlash(rel) + "/"
	}
	if data, err := readFile(filepath.Join(gitDir(top), "info", "exclude"), 1<<20); err == nil {
		if ps := parseIgnore(data); len(ps) > 0 {
			files = append(files, &ignoreFile{up: upOf(top), patterns: ps})
		}
	}
	// From the top down; root's own .gitignore is read by the walk.
	for i := len(chain) - 1; i >= 1; i-- {
		if data, err := readFile(filepath.Join(chain[i], ".gitignore"), 1<<20); err == nil {
			if ps := parseIgnore(data); len(ps) > 0 {
				files = append(files, &ignoreFile{up: upOf(chain[i]), patterns: ps})
			}
		}
	}
	return files, true
}

// gitDir is the git folder of the work tree at top: .git, or for a linked
// work tree (.git is a file saying "gitdir: PATH") the repository's
// common folder, where info/exclude lives.
func gitDir(top string) string {
	dot := filepath.Join(top, ".git")
	data, err := readFile(dot, 1<<20)
	if err != nil {
		return dot // a folder (or nothing)
	}
	dir, ok := strings.CutPrefix(strings.TrimSpace(string(data)), "gitdir:")
	if !ok {
		return dot
	}
	dir = strings.TrimSpace(dir)
	if !filepath.IsAbs(dir) {
		dir = filepath.Join(top, dir)
	}
	if common, err := readFile(filepath.Join(dir, "commondir"), 1<<20); err == nil {
		c := strings.TrimSpace(string(common))
		if !filepath.IsAbs(c) {
			c = filepath.Join(dir, c)
		}
		return c
	}
	return dir
}
