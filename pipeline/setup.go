package pipeline

import (
	"fmt"
	"path/filepath"

	"github.com/itilint/itilint/pipeline/config"
	"github.com/itilint/itilint/pipeline/lint"
	"github.com/itilint/itilint/pipeline/pack"
)

// LoadProject reads the project config at path, or the one found upwards
// from the current folder when path is empty (an empty config when there
// is none), and checks the rules it names against the engine's.
func LoadProject(path string) (*config.Config, error) {
	if path == "" {
		path = config.Find(".")
	}
	cfg, err := config.Load(path)
	if err != nil {
		return nil, err
	}
	if err := cfg.Validate(lint.IDs()); err != nil {
		return nil, err
	}
	return cfg, nil
}

// LoadPack assembles the rule pack of a run: the embedded pack of the
// edition, with the packs named by extra (files or folders, as --rules
// names them) and by the project config merged over it in that order,
// then the project's own terms. A pack merged from outside is checked
// whole, as its entries may refer to the embedded ones.
func LoadPack(edition string, project *config.Config, extra []string) (*pack.Pack, error) {
	base, err := pack.ForEdition(edition)
	if err != nil {
		return nil, fmt.Errorf("embedded rule pack: %w", err)
	}
	p := base.Clone()
	extra = append([]string(nil), extra...)
	for _, rel := range project.Packs {
		extra = append(extra, filepath.Join(project.Dir, rel))
	}
	for _, path := range extra {
		q, err := pack.LoadPath(path)
		if err != nil {
			return nil, err
		}
		p.Merge(q)
	}
	if len(project.Terms) > 0 {
		p.Merge(&pack.Pack{Terms: project.Terms, Files: []string{project.Path}})
	}
	if len(extra) > 0 || len(project.Terms) > 0 {
		if err := p.Validate(); err != nil {
			return nil, err
		}
	}
	return p, nil
}

// OverEdition returns user merged over a copy of the embedded pack of
// edition, checked whole: a user's pack may use the embedded one's topics
// and terms (itilint rules test).
func OverEdition(user *pack.Pack, edition string) (*pack.Pack, error) {
	base, err := pack.ForEdition(edition)
	if err != nil {
		return nil, err
	}
	p := base.Clone()
	p.Merge(user)
	if err := p.Validate(); err != nil {
		return nil, err
	}
	return p, nil
}
