package clean_test

import (
	"testing"

	"github.com/itilint/itilint/pipeline/clean"
	"github.com/itilint/itilint/pipeline/internal/ruletest"
	"github.com/itilint/itilint/pipeline/pack"
	"github.com/itilint/itilint/pipeline/rule"
)

// TestRuleTestdata runs each formatting rule alone on its own notes,
// testdata/<rule-id>/*.md, each showing the glitch the rule
// repairs and a near case it must leave alone, and compares its findings
// and fixed notes with NAME.findings and NAME.golden; the rule run on the
// golden must leave it as it is (see package ruletest).
//
// go test ./pipeline/clean -run TestRuleTestdata -update rewrites the
// golden files; read their diff before committing it. Every rule must
// have a folder, and a finding in it.
func TestRuleTestdata(t *testing.T) {
	ruletest.Run(t, clean.Rules, ruletest.Options{
		Pack:   func(t *testing.T, _ *rule.Rule) *pack.Pack { return defaultPack(t) },
		Update: *update,
	})
}
