// Command measure runs `check` and `fix` over a folder of notes nobody on
// the project wrote and prints what a person needs to judge the tool's
// precision: the findings per rule, a random sample of findings with the
// line they point at, the fixes per file, and, given a labels file, the
// precision of every rule on the labelled findings.
//
//	go run ./scripts/measure [flags] DIR
//
// The labels file (testdata/labels/findings.tsv) has one finding a line:
//
//	FILE:LINE:RULE <TAB> right|wrong|debatable <TAB> why
//
// FILE is relative to DIR. A label applies to every finding of RULE on
// that line. The same format, with "fix" before the rule, labels a fix:
//
//	FILE:LINE:fix:RULE <TAB> right|wrong|debatable <TAB> why
//
// The real notes themselves stay outside the repository: most have no
// licence, and the labels quote them only in paraphrase.
package main

import (
	"flag"
	"fmt"
	"os"

	"github.com/itilint/itilint/scripts/measure/labels"
)

func main() {
	var o labels.Options
	flag.IntVar(&o.Sample, "sample", 0, "print a random sample of `N` findings to label (with their line)")
	flag.IntVar(&o.PerRule, "per-rule", 0, "print `N` random findings of each rule (and every finding of the small rules)")
	flag.IntVar(&o.Small, "small", 10, "with -sample, also print every finding of rules with at most `K` findings")
	flag.Int64Var(&o.Seed, "seed", 1, "sampling seed")
	flag.StringVar(&o.Rule, "rule", "", "with -sample, sample only this `RULE`")
	flag.BoolVar(&o.Changes, "changes", false, "print every fix `fix` applies, per file (rule, line, before -> after)")
	flag.BoolVar(&o.Diffs, "diff", false, "print the unified diff `fix` makes of each file")
	flag.StringVar(&o.Labels, "labels", "", "labels `FILE`: print the precision table of the labelled findings")
	flag.BoolVar(&o.Safe, "safe", false, "fix with --safe (only fixes that keep the rendering)")
	flag.Usage = func() {
		fmt.Fprintln(flag.CommandLine.Output(), "usage: go run ./scripts/measure [flags] DIR")
		flag.PrintDefaults()
	}
	flag.Parse()
	if flag.NArg() != 1 {
		flag.Usage()
		os.Exit(2)
	}
	m, err := labels.Measure(flag.Arg(0), o.Safe)
	if err != nil {
		fmt.Fprintln(os.Stderr, "measure:", err)
		os.Exit(2)
	}
	if err := m.Print(os.Stdout, o); err != nil {
		fmt.Fprintln(os.Stderr, "measure:", err)
		os.Exit(2)
	}
}
