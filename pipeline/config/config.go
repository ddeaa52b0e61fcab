// Package config owns the project configuration file, .itilint.yaml: which
// rules are on, severity overrides, extra terms and ignored paths. It is
// decoded strictly: an unknown key is an error with file:line:col.
package config

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"

	"go.yaml.in/yaml/v3"

	"github.com/itilint/itilint/pipeline/pack"
	"github.com/itilint/itilint/pipeline/rule"
)

// FileName is the name searched for from the current folder upwards.
const FileName = ".itilint.yaml"

// Config is the decoded project configuration.
type Config struct {
	// Rules maps a rule ID to "off", "on", or a severity.
	Rules RuleSettings `yaml:"rules"`
	// Ignore lists glob patterns (relative to the config file's folder, or
	// base names) of inputs to skip.
	Ignore []string `yaml:"ignore"`
	// Terms are extra pack terms, merged into the active pack.
	Terms []pack.Term `yaml:"terms"`
	// Packs are extra rule pack paths, relative to the config file.
	Packs []string `yaml:"packs"`
	// Edition picks the embedded pack the notes are checked against:
	// "itil4" (the default) or "itil5". --edition overrides it.
	Edition string `yaml:"edition"`

	Path string `yaml:"-"` // the file it was read from; "" when none
	Dir  string `yaml:"-"`

	doc      *yaml.Node // the file's YAML, for the positions of bad values
	ignoreAt []int      // Ignore[i] is item ignoreAt[i] of the file's list
}

// MaxSize is the largest config file read, in bytes: a config is a few
// dozen lines, and every key of a bigger one costs work before it can be
// found wrong.
const MaxSize = 1 << 20

// MaxIgnore is how many different ignore patterns a config may list: each
// is matched against every input's path, and a folder pattern (drafts/**)
// covers any number of files.
const MaxIgnore = 1000

// RuleSettings maps rule IDs to their setting. It decodes itself: the YAML
// library's map decoding compares every key with every other to find one
// given twice, a cost that grows with the square of the keys, and
// pack.DecodeStrict has already refused a key given twice.
type RuleSettings map[string]string

// UnmarshalYAML decodes a mapping of rule IDs to settings, one key at a
// time.
func (r *RuleSettings) UnmarshalYAML(n *yaml.Node) error {
	if n.Kind != yaml.MappingNode {
		return n.Decode((*map[string]string)(r)) // null, or the library's error
	}
	m := make(RuleSettings, len(n.Content)/2)
	for i := 0; i+1 < len(n.Content); i += 2 {
		var k, v string
		if err := n.Content[i].Decode(&k); err != nil {
			return err
		}
		if err := n.Content[i+1].Decode(&v); err != nil {
			return err
		}
		m[k] = v
	}
	*r = m
	return nil
}

// Find looks for FileName in dir and its parents; it returns "" when there
// is none.
func Find(dir string) string {
	dir, err := filepath.Abs(dir)
	if err != nil {
		return ""
	}
	for {
		p := filepath.Join(dir, FileName)
		if _, err := os.Stat(p); err == nil {
			return p
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return ""
		}
		dir = parent
	}
}

// Load reads a config file; path "" gives the zero config.
func Load(path string) (*Config, error) {
	c := &Config{}
	if path == "" {
		return c, nil
	}
	data, err := pack.ReadYAMLFile(path, MaxSize)
	if err != nil {
		if errors.Is(err, fs.ErrNotExist) {
			return nil, fmt.Errorf("%s: config file not found", path)
		}
		return nil, fmt.Errorf("config: %w", err)
	}
	return parse(path, data)
}

// parse decodes a config file's bytes.
func parse(path string, data []byte) (*Config, error) {
	c := &Config{Path: path, Dir: filepath.Dir(path)}
	doc, err := pack.DecodeStrictNode(path, data, c)
	if err != nil {
		return nil, err
	}
	c.doc = doc
	if err := c.dedupeIgnore(); err != nil {
		return nil, err
	}
	if err := c.dedupePacks(); err != nil {
		return nil, err
	}
	return c, nil
}

// MaxPacks is how many different packs a config may add: each is read,
// decoded and merged, up to pack.MaxYAMLSize a file, and a project adds a
// few.
const MaxPacks = 20

// dedupePacks drops the repeats of a pack (reading one twice costs its
// reading again and changes nothing) and refuses more than MaxPacks.
func (c *Config) dedupePacks() error {
	seen := make(map[string]bool, len(c.Packs))
	kept := c.Packs[:0]
	for i, p := range c.Packs {
		if seen[p] {
			continue
		}
		if len(kept) == MaxPacks {
			return fmt.Errorf("%s: packs: more than %d different packs; merge them into fewer", c.at(false, "packs", strconv.Itoa(i)), MaxPacks)
		}
		seen[p] = true
		kept = append(kept, p)
	}
	c.Packs = kept
	return nil
}

// dedupeIgnore drops the repeats of an ignore pattern (each costs a match
// on every path, and aliases make repeats cheap to write) and refuses more
// than MaxIgnore patterns.
func (c *Config) dedupeIgnore() error {
	seen := make(map[string]bool, len(c.Ignore))
	kept := c.Ignore[:0]
	for i, g := range c.Ignore {
		if seen[g] {
			continue
		}
		if len(kept) == MaxIgnore {
			return fmt.Errorf("%s: ignore: more than %d different patterns; a folder pattern such as drafts/** covers many files", c.at(false, "ignore", strconv.Itoa(i)), MaxIgnore)
		}
		seen[g] = true
		kept = append(kept, g)
		c.ignoreAt = append(c.ignoreAt, i)
	}
	c.Ignore = kept
	return nil
}

// Validate checks rule IDs against the known ones and the values. An
// error names the file, line and column of the bad key or value, as a
// bad key's does.
func (c *Config) Validate(known []string) error {
	set := map[string]bool{}
	for _, k := range known {
		set[k] = true
	}
	ids := make([]string, 0, len(c.Rules))
	for id := range c.Rules {
		ids = append(ids, id)
	}
	sort.Strings(ids) // the first bad one in the file's order would do; this is stable
	for _, id := range ids {
		v := c.Rules[id]
		if !set[id] {
			msg := fmt.Sprintf("%s: rules: unknown rule %q", c.at(true, "rules", id), id)
			if s := pack.DidYouMean(id, known); s != "" {
				msg += fmt.Sprintf(" (did you mean %q?)", s)
			}
			return errors.New(msg)
		}
		switch strings.ToLower(v) {
		case "off", "on", "error", "warning", "suggestion":
		default:
			return fmt.Errorf("%s: rules: %s: %q is not off, on, error, warning or suggestion", c.at(false, "rules", id), id, v)
		}
	}
	if c.Edition != "" && !pack.KnownEdition(c.Edition) {
		return fmt.Errorf("%s: edition: %w", c.at(false, "edition"), pack.UnknownEdition(c.Edition))
	}
	for i, g := range c.Ignore {
		if _, err := filepath.Match(g, "x"); err != nil {
			at := i
			if i < len(c.ignoreAt) {
				at = c.ignoreAt[i]
			}
			return fmt.Errorf("%s: ignore: bad pattern %q: %w", c.at(false, "ignore", strconv.Itoa(at)), g, err)
		}
	}
	return nil
}

// at is the file and the line:col of the value at keys (a sequence item
// by its index), or of its key when key is set; the file alone when the
// config has no such place.
func (c *Config) at(key bool, keys ...string) string {
	if c.doc == nil {
		return c.Path
	}
	n := c.doc
	if n.Kind == yaml.DocumentNode && len(n.Content) == 1 {
		n = n.Content[0]
	}
	var keyNode *yaml.Node
	for _, k := range keys {
		var next *yaml.Node
		switch n.Kind {
		case yaml.MappingNode:
			for i := 0; i+1 < len(n.Content); i += 2 {
				if n.Content[i].Value == k {
					keyNode, next = n.Content[i], n.Content[i+1]
					break
				}
			}
		case yaml.SequenceNode:
			if i, err := strconv.Atoi(k); err == nil && i < len(n.Content) {
				keyNode, next = n.Content[i], n.Content[i]
			}
		}
		if next == nil {
			return c.Path
		}
		n = next
	}
	if key && keyNode != nil {
		n = keyNode
	}
	return fmt.Sprintf("%s:%d:%d", c.Path, n.Line, n.Column)
}

// Enabled reports whether the rule is on.
func (c *Config) Enabled(id string) bool {
	return !strings.EqualFold(c.Rules[id], "off")
}

// Severity returns the configured severity for the rule, or def.
func (c *Config) Severity(id string, def rule.Severity) rule.Severity {
	v := c.Rules[id]
	if v == "" {
		return def // no override: the common case, once per finding
	}
	if s, err := rule.ParseSeverity(v); err == nil {
		return s
	}
	return def
}

// Ignored reports whether a path (slash-separated, relative to the input
// root or as given) matches an ignore pattern.
func (c *Config) Ignored(path string) bool {
	path = filepath.ToSlash(path)
	for _, g := range c.Ignore {
		if ok, _ := filepath.Match(g, path); ok {
			return true
		}
		if ok, _ := filepath.Match(g, filepath.Base(path)); ok {
			return true
		}
		if strings.HasSuffix(g, "/**") && strings.HasPrefix(path, strings.TrimSuffix(g, "**")) {
			return true
		}
	}
	return false
}
