// Package words owns the English word list the cleaner decides with (is
// "performed" a word? is "cocreation"?): Debian's wamerican (SCOWL size 50),
// lower-cased and gzip-compressed by gen.sh, embedded in the binary so the
// cleaner never needs the network. Its licence is in LICENSE beside it.
package words

import (
	"bufio"
	"bytes"
	"compress/gzip"
	_ "embed"
	"sync"
)

//go:generate sh gen.sh

//go:embed words.txt.gz
var compressed []byte

var (
	once sync.Once
	set  map[string]struct{}
)

func load() {
	zr, err := gzip.NewReader(bytes.NewReader(compressed))
	if err != nil {
		panic("words: embedded list is corrupt: " + err.Error()) // a build error, caught by tests
	}
	set = make(map[string]struct{}, 80000)
	sc := bufio.NewScanner(zr)
	for sc.Scan() {
		set[sc.Text()] = struct{}{}
	}
	if err := sc.Err(); err != nil {
		panic("words: embedded list is corrupt: " + err.Error())
	}
}

// Known reports whether w, in lower case, is an English word of the list.
// The list is loaded on first use.
func Known(w string) bool {
	once.Do(load)
	_, ok := set[w]
	return ok
}

// Len is the number of words in the list.
func Len() int {
	once.Do(load)
	return len(set)
}
