package pipeline

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/itilint/itilint/pipeline/config"
	"github.com/itilint/itilint/pipeline/pack"
)

func TestLoadPackIsACopyOfTheEdition(t *testing.T) {
	base, err := pack.ForEdition(pack.DefaultEdition)
	if err != nil {
		t.Fatal(err)
	}
	p, err := LoadPack(pack.DefaultEdition, &config.Config{}, nil)
	if err != nil {
		t.Fatal(err)
	}
	if p == base || p.Name != base.Name || len(p.Terms) != len(base.Terms) {
		t.Errorf("got pack %q with %d terms (same as the embedded one: %v), want a copy of %q with %d",
			p.Name, len(p.Terms), p == base, base.Name, len(base.Terms))
	}
}

func TestLoadPackErrors(t *testing.T) {
	missing := filepath.Join(t.TempDir(), "nope.yaml")
	for _, tc := range []struct {
		name, edition string
		extra         []string
		want          string
	}{
		{"unknown edition", "itil9", nil, "embedded rule pack"},
		{"missing extra pack", pack.DefaultEdition, []string{missing}, "nope.yaml"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := LoadPack(tc.edition, &config.Config{}, tc.extra)
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("error %v, want one naming %q", err, tc.want)
			}
		})
	}
}

func TestLoadProjectReadsTheFileNamed(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, config.FileName)
	if err := os.WriteFile(path, []byte("rules:\n  no-such-rule: off\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := LoadProject(path); err == nil || !strings.Contains(err.Error(), "no-such-rule") {
		t.Errorf("error %v, want one naming the unknown rule", err)
	}
}
