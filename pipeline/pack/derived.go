package pack

import "sync"

// Derived returns build(p), built once per pack and kept in cache (a
// *Pack → value map owned by the caller): what rules derive from a pack
// (matchers, word sets) is asked for by every worker of a run on its first
// note, and one builds it while the others wait. A nil pack gives the
// zero value.
func Derived[T any](cache *sync.Map, p *Pack, build func(*Pack) T) T {
	if p == nil {
		var zero T
		return zero
	}
	v, ok := cache.Load(p)
	if !ok {
		v, _ = cache.LoadOrStore(p, &derived[T]{})
	}
	d := v.(*derived[T])
	d.once.Do(func() { d.v = build(p) })
	return d.v
}

type derived[T any] struct {
	once sync.Once
	v    T
}

// RulePack makes a *Pack a rule.Pack, the pack a rule's pass carries.
func (*Pack) RulePack() {}

// Of returns the pack a rule's pass carries (rule.Pass.Pack, which package
// rule keeps without reading it), or nil when it carries none. Its
// parameter is rule.Pack's method set, spelled out so that the pack's
// schema does not import the vocabulary of rules.
func Of(p interface{ RulePack() }) *Pack {
	q, _ := p.(*Pack)
	return q
}
