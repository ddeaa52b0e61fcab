package main

import (
	"bytes"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/itilint/itilint/pipeline/lint"
	"github.com/itilint/itilint/pipeline/rule"
)

// TestRuleDocs keeps docs/rules equal to what `itilint rules --docs
// docs/rules` writes: a page per rule and the index. Run with -update to
// rewrite them.
func TestRuleDocs(t *testing.T) {
	const dir = "../../docs/rules"
	if *update {
		if err := writeRuleDocs(dir, lint.Rules()); err != nil {
			t.Fatal(err)
		}
	}
	pages, err := ruleDocs(lint.Rules())
	if err != nil {
		t.Fatal(err)
	}
	for name, want := range pages {
		got, err := os.ReadFile(filepath.Join(dir, name))
		if err != nil || !bytes.Equal(got, want) {
			t.Errorf("docs/rules/%s is out of date (%v); run go test ./cmd/itilint -run TestRuleDocs -update", name, err)
		}
	}
	files, _ := filepath.Glob(filepath.Join(dir, "*"))
	var extra []string
	for _, f := range files {
		if _, ok := pages[filepath.Base(f)]; !ok {
			extra = append(extra, filepath.Base(f))
		}
	}
	sort.Strings(extra)
	if len(extra) > 0 {
		t.Errorf("docs/rules holds pages of no rule: %s", strings.Join(extra, ", "))
	}
	for _, r := range lint.Rules() {
		if !strings.HasSuffix(rule.DocURL(r.ID), "/docs/rules/"+r.ID+".md") {
			t.Errorf("%s: DocURL %s is not its page", r.ID, rule.DocURL(r.ID))
		}
	}
}
