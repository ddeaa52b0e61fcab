package check

import "encoding/binary"

// A vocabulary numbers the words that the pack's forms, list nouns,
// history phrases and the number words are made of. A note's words are
// looked up once, while they are tokenized, and everything after that
// compares numbers: a word of the note that is in no form gets 0 and can
// match nothing.
type vocabulary struct {
	words []string   // by number; 0 is no word
	info  []wordInfo // by number
	ids   map[string]int32
	// slots is an open-addressing table of word numbers on wordHash, a
	// power of two long and at most a quarter full, so most lookups of a
	// word that is not in the vocabulary read one empty slot and compare
	// nothing. It holds only the numbers, and keys what tells the words
	// apart: every word of a note reads a slot at random, and in a whole
	// check, where cleaning and reporting run between the notes, a table
	// of 16-byte slots (64 KB) was read from memory rather than from the
	// processor's cache; the few keys read often stay there.
	slots []int32
	keys  []wordKey // by number; keys[0] is all zero
}

// A wordKey holds all that tells a word of up to 16 bytes from another.
type wordKey struct {
	last8 uint64 // lastBytes of the word
	// first8 is the first 8 bytes of a word of 8 bytes or more as an
	// 8-byte read of its text gives them (the first byte lowest), 0 for
	// the others: with last8 it tells apart the words of up to 16 bytes
	// without comparing text.
	first8 uint64
	hash   uint32 // slotHash
}

// slotHash is what a slot holds of a word's hash and length.
func slotHash(h uint32, n int) uint32 { return h | uint32(min(n, 255))<<20 }

// wordInfo is what the analysis asks about a word of the vocabulary.
type wordInfo struct {
	start  int32 // what starts with the word: an index in matcher.startList, 0 nothing
	number int32 // the value of a number word ("seven"), 0 for other words
	// node and nouns repeat what startList[start] holds, for the scan of
	// every word: the trie node of the patterns the word starts (0 none),
	// and whether list nouns start with it.
	node    int32
	nouns   bool
	history bool // a history phrase starts with the word
}

func newVocabulary() *vocabulary {
	return &vocabulary{words: []string{""}, info: []wordInfo{{}}, ids: map[string]int32{}}
}

// add returns the number of w, numbering it if it is new. The lookup
// table is built by seal once every word is added.
func (v *vocabulary) add(w string) int32 {
	if id, ok := v.ids[w]; ok {
		return id
	}
	id := int32(len(v.words))
	if id > wordMask {
		// A token keeps its word in wordBits bits: no pack of the size
		// pack reads has as many words.
		panic("check: a pack of more words than a token can number")
	}
	v.ids[w] = id
	v.words = append(v.words, w)
	v.info = append(v.info, wordInfo{})
	return id
}

// seal builds the lookup table.
func (v *vocabulary) seal() {
	n := 64
	for n < 4*len(v.words) {
		n *= 2
	}
	v.slots = make([]int32, n)
	v.keys = make([]wordKey, len(v.words))
	mask := uint32(n - 1)
	for id := 1; id < len(v.words); id++ {
		w := v.words[id]
		h := wordHash(w)
		key := &v.keys[id]
		key.last8, key.hash = lastBytes(w), slotHash(h, len(w))
		if len(w) >= 8 {
			key.first8 = binary.LittleEndian.Uint64([]byte(w[:8]))
		}
		k := h & mask
		for v.slots[k] != 0 {
			k = (k + 1) & mask
		}
		v.slots[k] = int32(id)
	}
}

// lookup returns the number of the folded word w, of hash wordHash(w) and
// lastBytes(w) last8, 0 when w is not in the vocabulary. A word of up to 8
// bytes is known by its length and last8 without comparing its text.
func (v *vocabulary) lookup(h uint32, last8 uint64, w []byte) int32 {
	mask := uint32(len(v.slots) - 1)
	sh := slotHash(h, len(w))
	for k := h & mask; ; k = (k + 1) & mask {
		id := v.slots[k]
		if id == 0 {
			return 0
		}
		if key := &v.keys[id]; key.last8 == last8 && key.hash == sh && (len(w) <= 8 || v.words[id] == string(w)) {
			return id
		}
	}
}

// nonZero is 1 if x is not 0, else 0, without a branch.
func nonZero(x uint64) uint64 { return (x | -x) >> 63 }

// probe goes on with the lookup of span's usual word past the first
// slot, as lookup does. span compares the first slot without branches:
// whether a word is in the vocabulary is a coin toss, and a branch on it
// would wait for the slot to be read before the processor learnt it went
// the wrong way; the branch left, to probe, taken when the first slot
// holds another word, is rare.
func (v *vocabulary) probe(h, sh uint32, last8, first8 uint64) int32 {
	mask := uint32(len(v.slots) - 1)
	for k := (h + 1) & mask; ; k = (k + 1) & mask {
		if held := v.slots[k]; held == 0 || v.keys[held].last8 == last8 && v.keys[held].hash == sh && v.keys[held].first8 == first8 {
			return held
		}
	}
}
