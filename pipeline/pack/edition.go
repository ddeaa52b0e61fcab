package pack

import (
	"fmt"
	"io/fs"
	"sort"
	"strings"
	"sync"

	"go.yaml.in/yaml/v3"

	"github.com/itilint/itilint/rules"
)

// DefaultEdition is the edition in force when neither the config nor a
// flag picks one. ITIL 4 stays the default while its exam runs.
const DefaultEdition = "itil4"

// Editions are the IDs of the embedded packs, oldest first; an ID is the
// pack's name, and the value of `edition:` in .itilint.yaml and of
// --edition.
var Editions = []string{"itil4", "itil5"}

var (
	itil5Once sync.Once
	itil5Pack *Pack
	itil5Err  error
)

// ForEdition returns the embedded pack of an edition ("" for the default),
// decoded once. Callers must not modify it; Clone it first.
func ForEdition(id string) (*Pack, error) {
	switch id {
	case "", "itil4":
		return Default()
	case "itil5":
		itil5Once.Do(func() { itil5Pack, itil5Err = Load(editionFS(id), "rules/itil5") })
		return itil5Pack, itil5Err
	}
	return nil, UnknownEdition(id)
}

// editionHead is the name and markers of an edition, read without
// decoding its whole pack: the edition sniffer of every check needs the
// markers of every edition, and decoding a pack's YAML costs milliseconds.
func editionHead(id string) (name string, markers []string, err error) {
	if id == DefaultEdition {
		p, err := Default()
		if err != nil {
			return "", nil, err
		}
		return p.Edition, p.Markers, nil
	}
	fsys := editionFS(id)
	if fsys == nil {
		return "", nil, UnknownEdition(id)
	}
	files, err := fs.Glob(fsys, "*.yaml")
	if err != nil {
		return "", nil, err
	}
	for _, f := range files {
		data, err := fs.ReadFile(fsys, f)
		if err != nil {
			return "", nil, err
		}
		var head struct {
			Edition string   `yaml:"edition"`
			Markers []string `yaml:"markers"`
		}
		if err := yaml.Unmarshal(data, &head); err != nil {
			return "", nil, fmt.Errorf("rules/%s/%s: %w", id, f, err)
		}
		if head.Edition != "" || len(head.Markers) > 0 {
			return head.Edition, head.Markers, nil
		}
	}
	return id, nil, nil
}

func editionFS(id string) fs.FS {
	switch id {
	case "itil4":
		return rules.ITIL4()
	case "itil5":
		return rules.ITIL5()
	}
	return nil
}

// UnknownEdition is the error for an edition ID no embedded pack has.
func UnknownEdition(id string) error {
	return fmt.Errorf("unknown edition %q (known: %s)", id, strings.Join(Editions, ", "))
}

// KnownEdition reports whether id names an embedded pack.
func KnownEdition(id string) bool {
	i := sort.SearchStrings(Editions, id)
	return i < len(Editions) && Editions[i] == id
}
