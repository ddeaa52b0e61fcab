package load

import "os"

// list returns the entries of the folder at path that the walk looks at
// (see walked).
func list(path string) ([]dirEntry, error) {
	des, err := os.ReadDir(path)
	if err != nil {
		return nil, err
	}
	entries := make([]dirEntry, 0, len(des))
	for _, d := range des {
		if format, ok, meta := walked(d.Name(), d.IsDir()); ok || meta {
			entries = append(entries, dirEntry{name: d.Name(), dir: d.IsDir(), kind: d.Type(), format: format, meta: meta})
		}
	}
	return entries, nil
}
