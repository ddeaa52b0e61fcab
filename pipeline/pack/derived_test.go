package pack

import (
	"sync"
	"sync/atomic"
	"testing"
)

// TestDerivedOncePerPack: concurrent callers share one build per pack, each
// pack has its own value, and a nil pack gives the zero value unbuilt.
func TestDerivedOncePerPack(t *testing.T) {
	var cache sync.Map
	var builds atomic.Int32
	build := func(p *Pack) string { builds.Add(1); return p.Name }
	a, b := &Pack{Name: "a"}, &Pack{Name: "b"}
	var wg sync.WaitGroup
	for range 8 {
		wg.Go(func() {
			if got := Derived(&cache, a, build); got != "a" {
				t.Errorf("Derived(a) = %q", got)
			}
		})
	}
	wg.Wait()
	if got := Derived(&cache, b, build); got != "b" {
		t.Errorf("Derived(b) = %q", got)
	}
	if got := Derived(&cache, nil, build); got != "" {
		t.Errorf("Derived(nil) = %q", got)
	}
	if n := builds.Load(); n != 2 {
		t.Errorf("%d builds, want 2 (one a pack)", n)
	}
}
