package check_test

import (
	"flag"
	"testing"

	"github.com/itilint/itilint/pipeline/check"
	"github.com/itilint/itilint/pipeline/internal/ruletest"
	"github.com/itilint/itilint/pipeline/pack"
	"github.com/itilint/itilint/pipeline/rule"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

// TestRuleTestdata runs each rule alone on its own notes,
// testdata/<rule-id>/*.md (for a course-level rule, the folder's notes
// are one course, in path order), and compares its findings and fixed
// notes with NAME.findings and NAME.golden; the rule run on the golden
// must leave it as it is (see package ruletest).
//
// go test ./pipeline/check -run TestRuleTestdata -update rewrites the
// golden files; read their diff before committing it. Every rule must
// have a folder, and a finding in it.
func TestRuleTestdata(t *testing.T) {
	ruletest.Run(t, check.Rules, ruletest.Options{Pack: packFor, Update: *update})
}

// packFor is the pack of a rule's edition, the default one for most.
func packFor(t *testing.T, r *rule.Rule) *pack.Pack {
	if r.Edition == "" {
		return defaultPack(t)
	}
	p, err := pack.ForEdition(r.Edition)
	if err != nil {
		t.Fatal(err)
	}
	return p
}
