package main

import (
	"fmt"

	"github.com/urfave/cli/v2"

	"github.com/itilint/itilint/pipeline"
	"github.com/itilint/itilint/pipeline/check"
	"github.com/itilint/itilint/pipeline/config"
	"github.com/itilint/itilint/pipeline/pack"
)

var didYouMean = pack.DidYouMean

// testPack runs the good and bad examples of the pack in dir, merged over
// an embedded pack (a user's pack may use its topics), and exits 1 when an
// example does not behave as written. A pack named after an edition
// (rules/itil5) is merged over that edition's pack, so it is tested as
// itself; any other over the edition in force.
func testPack(c *cli.Context, dir string) error {
	user, err := pack.LoadPath(dir)
	if err != nil {
		return cli.Exit(err.Error(), exitTrouble)
	}
	edition := user.Name
	if !pack.KnownEdition(edition) {
		cfgPath := c.String("config")
		if cfgPath == "" {
			cfgPath = config.Find(".")
		}
		cfg, err := config.Load(cfgPath)
		if err != nil {
			return cli.Exit(err.Error(), exitTrouble)
		}
		if edition, err = editionOf(c, cfg); err != nil {
			return err
		}
	}
	p, err := pipeline.OverEdition(user, edition)
	if err != nil {
		return cli.Exit(err.Error(), exitTrouble)
	}
	errs := check.RunExamples(p)
	for _, e := range errs {
		fmt.Fprintln(c.App.Writer, e)
	}
	examples := 0
	for _, t := range user.Terms {
		examples += len(t.Good) + len(t.Bad)
	}
	for _, l := range user.Lists {
		examples += len(l.Good) + len(l.Bad)
	}
	for _, ph := range user.Phrases {
		examples += len(ph.Good) + len(ph.Bad)
	}
	fmt.Fprintf(c.App.Writer, "%s: %d entries, %d examples; %d failed\n", dir, len(user.Terms)+len(user.Lists)+len(user.Phrases), examples, len(errs))
	if len(errs) > 0 {
		return cli.Exit("", exitFindings)
	}
	return nil
}
