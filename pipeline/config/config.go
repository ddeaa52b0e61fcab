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
	"strings"

	"github.com/itilint/itilint/pipeline/pack"
	"github.com/itilint/itilint/pipeline/rule"
)

// FileName is the name searched for from the working directory upwards.
const FileName = ".itilint.yaml"

// Config is the decoded project configuration.
type Config struct {
	// Rules maps a rule ID to "off", "on", or a severity.
	Rules map[string]string `yaml:"rules"`
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
	data, err := os.ReadFile(path)
	if err != nil {
		if errors.Is(err, fs.ErrNotExist) {
			return nil, fmt.Errorf("%s: config file not found", path)
		}
		return nil, fmt.Errorf("config: %w", err)
	}
	if err := pack.DecodeStrict(path, data, c); err != nil {
		return nil, err
	}
	c.Path = path
	c.Dir = filepath.Dir(path)
	return c, nil
}

// Validate checks rule IDs against the known ones and the values.
func (c *Config) Validate(known []string) error {
	set := map[string]bool{}
	for _, k := range known {
		set[k] = true
	}
	for id, v := range c.Rules {
		if !set[id] {
			msg := fmt.Sprintf("%s: rules: unknown rule %q", c.Path, id)
			if s := pack.DidYouMean(id, known); s != "" {
				msg += fmt.Sprintf(" (did you mean %q?)", s)
			}
			return errors.New(msg)
		}
		switch strings.ToLower(v) {
		case "off", "on", "error", "warning", "suggestion":
		default:
			return fmt.Errorf("%s: rules: %s: %q is not off, on, error, warning or suggestion", c.Path, id, v)
		}
	}
	if c.Edition != "" && !pack.KnownEdition(c.Edition) {
		return fmt.Errorf("%s: edition: %w", c.Path, pack.UnknownEdition(c.Edition))
	}
	for _, g := range c.Ignore {
		if _, err := filepath.Match(g, "x"); err != nil {
			return fmt.Errorf("%s: ignore: bad pattern %q: %w", c.Path, g, err)
		}
	}
	return nil
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
