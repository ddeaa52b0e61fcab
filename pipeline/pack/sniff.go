package pack

import (
	"bytes"
	"fmt"
)

// An EditionSniffer tells which edition a course teaches from the markers
// of the embedded packs ("ITIL (Version 5)", "ITIL 4"), one note at a
// time in course order. A note teaches the newest edition whose markers it
// holds: a Version 5 note names ITIL 4 when it compares the two, an ITIL 4
// note does not name Version 5. Markers are matched as written (bytes), so
// the cost is a few substring searches a note.
type EditionSniffer struct {
	editions []sniffEdition // newest first
	notes    map[string]int // edition → notes that teach it
	named    int            // notes that name an edition
	first    map[string]EditionClue
}

type sniffEdition struct {
	id, name string
	markers  [][]byte
}

// An EditionClue is where a note first names an edition's marker.
type EditionClue struct {
	Edition string // its ID ("itil5")
	Name    string // as written ("ITIL (Version 5)")
	Path    string
	Line    int // where the note first names the marker
	Marker  string
	Notes   int // how many notes teach it
	Of      int // of how many notes read that name an edition
}

// NewEditionSniffer reads the markers of every embedded edition.
func NewEditionSniffer() (*EditionSniffer, error) {
	s := &EditionSniffer{notes: map[string]int{}, first: map[string]EditionClue{}}
	for i := len(Editions) - 1; i >= 0; i-- {
		name, markers, err := editionHead(Editions[i])
		if err != nil {
			return nil, err
		}
		e := sniffEdition{id: Editions[i], name: name}
		for _, m := range markers {
			e.markers = append(e.markers, []byte(m))
		}
		s.editions = append(s.editions, e)
	}
	return s, nil
}

// sniffNotes is how many notes that name an edition the sniffer reads: a
// course's first hundred tell its edition, and reading every note of a
// large course would cost a few substring searches a note for nothing.
const sniffNotes = 100

// Note looks at one note's text; line maps an offset of it to its line
// on disk.
func (s *EditionSniffer) Note(path string, text []byte, line func(off int) int) {
	if s.named >= sniffNotes {
		return
	}
	for _, e := range s.editions {
		for _, m := range e.markers {
			if i := bytes.Index(text, m); i >= 0 {
				s.named++
				s.notes[e.id]++
				if _, ok := s.first[e.id]; !ok {
					s.first[e.id] = EditionClue{Edition: e.id, Name: e.name, Path: path, Line: line(i), Marker: string(m)}
				}
				return
			}
		}
	}
}

// Other returns the edition most of the notes read teach when it is not
// inForce (and more notes teach it than inForce), with where a note first
// names it.
func (s *EditionSniffer) Other(inForce string) (EditionClue, bool) {
	best := ""
	for _, e := range s.editions {
		if s.notes[e.id] > s.notes[best] {
			best = e.id
		}
	}
	if best == "" || best == inForce || s.notes[best] <= s.notes[inForce] {
		return EditionClue{}, false
	}
	c := s.first[best]
	c.Notes, c.Of = s.notes[best], s.named
	return c, true
}

// Name returns the written name of an edition ID.
func (s *EditionSniffer) Name(id string) string {
	for _, e := range s.editions {
		if e.id == id {
			return e.name
		}
	}
	return id
}

// String describes the clue for a message.
func (c EditionClue) String() string {
	return fmt.Sprintf("%s:%d names %q", c.Path, c.Line, c.Marker)
}
