// Package rules carries the embedded rule packs: rules/itil4 is the default
// ITIL 4 pack, compiled into the binary so itilint needs no files at run time.
package rules

import (
	"embed"
	"io/fs"
)

//go:embed itil4
var files embed.FS

// ITIL4 is the default pack's folder of YAML files.
func ITIL4() fs.FS {
	sub, err := fs.Sub(files, "itil4")
	if err != nil {
		panic(err) // the folder is embedded at build time; cannot happen
	}
	return sub
}
