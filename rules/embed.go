// Package rules carries the embedded rule packs, one folder per edition:
// rules/itil4 is the default ITIL 4 pack and rules/itil5 the ITIL (Version 5)
// pack, compiled into the binary so itilint needs no files at run time.
package rules

import (
	"embed"
	"io/fs"
)

//go:embed itil4 itil5
var files embed.FS

// ITIL4 is the default pack's folder of YAML files.
func ITIL4() fs.FS { return sub("itil4") }

// ITIL5 is the ITIL (Version 5) pack's folder of YAML files.
func ITIL5() fs.FS { return sub("itil5") }

func sub(dir string) fs.FS {
	s, err := fs.Sub(files, dir)
	if err != nil {
		panic(err) // the folder is embedded at build time; cannot happen
	}
	return s
}
