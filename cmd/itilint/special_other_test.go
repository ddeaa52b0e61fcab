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
