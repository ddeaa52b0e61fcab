package check

import (
	"strconv"
	"testing"

	"github.com/itilint/itilint/pipeline/internal/growth"
	"github.com/itilint/itilint/pipeline/pack"
)

// Compiling a pack grows with its size, not its square: each phrase's
// {list} was looked up by a walk of all the lists, so a user's pack of
// many lists and phrases took minutes to compile.
func TestBuildGrowsLinearly(t *testing.T) {
	if testing.Short() {
		t.Skip("timing")
	}
	compile := func(n int) func() {
		p := &pack.Pack{}
		last := "l" + strconv.Itoa(n-1)
		for i := range n {
			id := "l" + strconv.Itoa(i)
			p.Lists = append(p.Lists, pack.List{ID: id, Nouns: []string{"things"}, Count: 1, Members: []pack.Member{{Name: "M" + id}}})
			p.Phrases = append(p.Phrases, pack.Phrase{ID: "p" + strconv.Itoa(i), Kind: "slip", Wrong: []string{"the {" + last + "} thing"}})
		}
		return func() { build(p) }
	}
	growth.Check(t, "4000 phrases and lists (against 1000)", compile(1000), compile(4000))
}
