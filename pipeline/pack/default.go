package pack

import (
	"fmt"
	"os"
	"path/filepath"
	"sync"

	"github.com/itilint/itilint/rules"
)

var (
	defaultOnce sync.Once
	defaultPack *Pack
	defaultErr  error
)

// Default returns the embedded ITIL 4 pack, decoded once. Callers must not
// modify it; Clone it first.
func Default() (*Pack, error) {
	defaultOnce.Do(func() {
		defaultPack, defaultErr = Load(rules.ITIL4(), "rules/itil4")
	})
	return defaultPack, defaultErr
}

// Clone returns a copy of p whose slices can be changed freely.
func (p *Pack) Clone() *Pack {
	c := *p
	c.Topics = append([]Topic(nil), p.Topics...)
	c.Terms = append([]Term(nil), p.Terms...)
	c.Lists = append([]List(nil), p.Lists...)
	c.Phrases = append([]Phrase(nil), p.Phrases...)
	c.Files = append([]string(nil), p.Files...)
	return &c
}

func loadPath(p string) (*Pack, error) {
	info, err := os.Stat(p)
	if err != nil {
		return nil, fmt.Errorf("rule pack %w", err)
	}
	if info.IsDir() {
		return Load(os.DirFS(p), filepath.ToSlash(p))
	}
	data, err := os.ReadFile(p)
	if err != nil {
		return nil, fmt.Errorf("rule pack %w", err)
	}
	var q Pack
	if err := DecodeStrict(p, data, &q); err != nil {
		return nil, err
	}
	q.Files = []string{p}
	if err := q.Validate(); err != nil {
		return nil, err
	}
	return &q, nil
}
