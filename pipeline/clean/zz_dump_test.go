package clean_test

import (
	"os"
	"path/filepath"
	"testing"
)

func TestZZDump(t *testing.T) {
	p := defaultPack(t)
	for _, root := range []string{"../../source", sharedTestdata + "/real"} {
		for _, n := range corpus(t, root) {
			res := fix(t, n, p, onlyClean(), cleanKinds)
			out := filepath.Join("/tmp/cleaned", filepath.Base(n.Path))
			os.MkdirAll("/tmp/cleaned", 0o755)
			os.WriteFile(out+".before", n.Text, 0o644)
			os.WriteFile(out+".after", res.Note.Text, 0o644)
		}
	}
}
