//go:build !unix

package main

import (
	"fmt"

	"github.com/rogpeppe/go-internal/testscript"
)

// makeSpecial fails: the scripts that make these files run on unix only.
func makeSpecial(ts *testscript.TestScript, kind, path string) error {
	return fmt.Errorf("mkspecial %s: not on this system", kind)
}

// owner fails: the scripts that use it run on unix only.
func owner(ts *testscript.TestScript, check bool, ids, path string) error {
	return fmt.Errorf("owner: not on this system")
}
