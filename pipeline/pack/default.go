package pack

import (
	"fmt"
	"hash/crc64"
	"io/fs"
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
		defaultPack, defaultErr = defaultFrom(rules.ITIL4(), snapshotSum)
	})
	return defaultPack, defaultErr
}

// defaultFrom returns snapshotPack when the pack files fsys holds are those
// it was made from (their sum is sum), and decodes them otherwise: decoding
// the YAML at every start would cost more than checking a small note,
// while a pack edited without refreshing the snapshot must still be read
// as written.
func defaultFrom(fsys fs.FS, sum string) (*Pack, error) {
	if got, err := packSum(fsys); err == nil && got == sum {
		return snapshotPack, nil
	}
	return Load(fsys, "rules/itil4")
}

// packSum is a CRC-64 over the names and contents of the pack's files. It
// guards against a pack edited without refreshing the snapshot, not against
// forgery (whoever can edit the pack can edit the snapshot), so a checksum
// does: it runs at every start, where a cryptographic hash cost a
// noticeable share of the start-up.
func packSum(fsys fs.FS) (string, error) {
	h := crc64.New(crc64.MakeTable(crc64.ECMA))
	err := fs.WalkDir(fsys, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := fs.ReadFile(fsys, p)
		if err != nil {
			return err
		}
		fmt.Fprintf(h, "%s\x00%d\x00", p, len(data))
		h.Write(data)
		return nil
	})
	return fmt.Sprintf("%016x", h.Sum64()), err
}

// Clone returns a copy of p whose slices can be changed freely.
func (p *Pack) Clone() *Pack {
	c := *p
	c.Topics = append([]Topic(nil), p.Topics...)
	c.Terms = append([]Term(nil), p.Terms...)
	c.Lists = append([]List(nil), p.Lists...)
	c.Phrases = append([]Phrase(nil), p.Phrases...)
	c.Files = append([]string(nil), p.Files...)
	// Syllabus is shared: nothing changes it after loading.
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
	data, err := ReadYAMLFile(p, MaxYAMLSize)
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
