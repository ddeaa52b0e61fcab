package pack

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path"
	"reflect"
	"regexp"
	"sort"
	"strings"

	"go.yaml.in/yaml/v3"
)

// MaxYAMLSize is the largest pack or config file read, in bytes. The
// embedded packs' largest file is a few tens of kilobytes; a file a hundred
// times that is a mistake or hostile, and every key of it costs work.
const MaxYAMLSize = 4 << 20

// MaxAliases is how many YAML aliases (*name) one pack or config file may
// use. An alias costs a few bytes and repeats everything its anchor names,
// so a file of aliases multiplies the work done on its values; a
// hand-written file needs a few at most.
const MaxAliases = 100

// ReadYAMLFile reads a pack or config file from disk: a regular file (a
// FIFO would block the read) of at most limit bytes (MaxYAMLSize or less).
func ReadYAMLFile(path string, limit int64) ([]byte, error) {
	info, err := os.Stat(path)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, unwrapPath(err))
	}
	f, err := openYAML(info, path, limit, func() (fs.File, error) { return os.Open(path) })
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return readYAML(f, path, limit)
}

// readYAMLFS reads name from fsys as ReadYAMLFile does; shown is the name
// its errors give.
func readYAMLFS(fsys fs.FS, name, shown string) ([]byte, error) {
	info, err := fs.Stat(fsys, name)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", shown, unwrapPath(err))
	}
	f, err := openYAML(info, shown, MaxYAMLSize, func() (fs.File, error) { return fsys.Open(name) })
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return readYAML(f, shown, MaxYAMLSize)
}

// openYAML opens a file whose stat is info if it is a regular file small
// enough to read.
func openYAML(info fs.FileInfo, shown string, limit int64, open func() (fs.File, error)) (fs.File, error) {
	if !info.Mode().IsRegular() {
		return nil, fmt.Errorf("%s: not a regular file", shown)
	}
	if info.Size() > limit {
		return nil, tooBig(shown, info.Size(), limit)
	}
	f, err := open()
	if err != nil {
		return nil, fmt.Errorf("%s: %w", shown, unwrapPath(err))
	}
	return f, nil
}

func readYAML(f fs.File, shown string, limit int64) ([]byte, error) {
	data, err := io.ReadAll(io.LimitReader(f, limit+1))
	if err != nil {
		return nil, fmt.Errorf("%s: %w", shown, unwrapPath(err))
	}
	if int64(len(data)) > limit { // it grew since the stat
		return nil, tooBig(shown, int64(len(data)), limit)
	}
	return data, nil
}

// unwrapPath drops a PathError's operation and path: the error already
// names the file as the user wrote it.
func unwrapPath(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

func tooBig(file string, size, limit int64) error {
	return fmt.Errorf("%s: %d bytes; a file of this kind may have at most %d (%d KiB)", file, size, limit, limit>>10)
}

// DecodeStrict decodes YAML into v (a pointer to a struct) and rejects keys
// that v does not have, with errors of the form file:line:col: what is
// wrong, and a did-you-mean. Fields of type Pos are set to the position of
// the mapping they were read from. It refuses what would only cost work or
// hide a mistake: a file over MaxYAMLSize, a key given twice in a mapping,
// more than MaxAliases aliases, and a second document.
func DecodeStrict(file string, data []byte, v any) error {
	_, err := DecodeStrictNode(file, data, v)
	return err
}

// DecodeStrictNode is DecodeStrict that also returns the document's root
// node (nil for an empty file), for the positions of values found wrong
// later.
func DecodeStrictNode(file string, data []byte, v any) (*yaml.Node, error) {
	if len(data) > MaxYAMLSize {
		return nil, tooBig(file, int64(len(data)), MaxYAMLSize)
	}
	var root yaml.Node
	dec := yaml.NewDecoder(bytes.NewReader(data))
	if err := dec.Decode(&root); err != nil {
		if errors.Is(err, io.EOF) {
			return nil, nil // an empty file is an empty value
		}
		return nil, fmt.Errorf("%s:%s", file, yamlErr(err))
	}
	for {
		// A second document was ignored, silently: refuse one that holds
		// anything (a trailing --- with nothing after it is harmless).
		var next yaml.Node
		err := dec.Decode(&next)
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return nil, fmt.Errorf("%s:%s", file, yamlErr(err))
		}
		if !emptyDocument(&next) {
			return nil, fmt.Errorf("%s:%d:%d: a second YAML document starts here; the file must hold one (remove the --- line, or split the file)", file, next.Line, next.Column)
		}
	}
	if err := checkAliases(file, &root); err != nil {
		return nil, err
	}
	doc := &root
	if doc.Kind == yaml.DocumentNode && len(doc.Content) == 1 {
		doc = doc.Content[0]
	}
	if err := checkKeys(file, "", doc, reflect.TypeOf(v).Elem()); err != nil {
		return nil, err
	}
	if err := doc.Decode(v); err != nil {
		return nil, fmt.Errorf("%s:%s", file, yamlErr(err))
	}
	setPos(file, doc, reflect.ValueOf(v).Elem())
	return &root, nil
}

// emptyDocument reports whether a document holds nothing: no value, or
// only an empty one.
func emptyDocument(n *yaml.Node) bool {
	if len(n.Content) == 0 {
		return true
	}
	v := n.Content[0]
	return len(n.Content) == 1 && v.Kind == yaml.ScalarNode && v.Tag == "!!null" && v.Value == ""
}

// checkAliases refuses a file with more than MaxAliases aliases, at the
// first one over.
func checkAliases(file string, root *yaml.Node) error {
	aliases := 0
	stack := []*yaml.Node{root}
	for len(stack) > 0 {
		n := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		if n.Kind == yaml.AliasNode {
			if aliases++; aliases > MaxAliases {
				return fmt.Errorf("%s:%d:%d: more than %d aliases (*name); write the values out", file, n.Line, n.Column, MaxAliases)
			}
			continue // its anchor is walked where it is defined
		}
		for i := len(n.Content) - 1; i >= 0; i-- {
			stack = append(stack, n.Content[i])
		}
	}
	return nil
}

var lineRE = regexp.MustCompile(`line (\d+): `)

// yamlErr turns "yaml: line 3: could not find ..." into "3: could not find ...".
func yamlErr(err error) string {
	msg := strings.TrimPrefix(err.Error(), "yaml: ")
	msg = strings.TrimPrefix(msg, "unmarshal errors:\n  ")
	if m := lineRE.FindStringSubmatchIndex(msg); m != nil && m[0] == 0 {
		return msg[m[2]:m[3]] + ": " + msg[m[1]:]
	}
	return " " + msg
}

func fieldsOf(t reflect.Type) map[string]reflect.StructField {
	out := map[string]reflect.StructField{}
	for i := 0; i < t.NumField(); i++ {
		f := t.Field(i)
		name, _, _ := strings.Cut(f.Tag.Get("yaml"), ",")
		if name == "-" || !f.IsExported() {
			continue
		}
		if name == "" {
			name = strings.ToLower(f.Name)
		}
		out[name] = f
	}
	return out
}

// checkKeys checks n against the type t it decodes into: every key known,
// none given twice, lists, mappings and single values where t has them;
// an error names the file, line and column, and where is the keys that
// lead to n ("rules: itil-name: "), for the messages that would
// otherwise not name it.
func checkKeys(file, where string, n *yaml.Node, t reflect.Type) error {
	for t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	switch t.Kind() {
	case reflect.Struct:
		if n.Kind != yaml.MappingNode {
			if isNull(n) {
				return nil
			}
			return fmt.Errorf("%s:%d:%d: %sexpected a mapping, found %s", file, n.Line, n.Column, where, kindName(n))
		}
		fields := fieldsOf(t)
		seen := map[string]*yaml.Node{}
		for i := 0; i+1 < len(n.Content); i += 2 {
			k, val := n.Content[i], n.Content[i+1]
			if err := once(file, seen, k); err != nil {
				return err
			}
			f, ok := fields[k.Value]
			if !ok {
				var names []string
				for name := range fields {
					names = append(names, name)
				}
				sort.Strings(names)
				msg := fmt.Sprintf("%s:%d:%d: unknown key %q", file, k.Line, k.Column, k.Value)
				if s := DidYouMean(k.Value, names); s != "" {
					msg += fmt.Sprintf(" (did you mean %q?)", s)
				} else {
					msg += fmt.Sprintf(" (known keys: %s)", strings.Join(names, ", "))
				}
				return errors.New(msg)
			}
			if err := checkKeys(file, where+k.Value+": ", val, f.Type); err != nil {
				return err
			}
		}
	case reflect.Slice:
		switch {
		case n.Kind == yaml.SequenceNode:
			for _, c := range n.Content {
				if err := checkKeys(file, where, c, t.Elem()); err != nil {
					return err
				}
			}
		case !isNull(n):
			return fmt.Errorf("%s:%d:%d: %sexpected a list, found %s", file, n.Line, n.Column, where, kindName(n))
		}
	case reflect.Map:
		switch {
		case n.Kind == yaml.MappingNode:
			seen := make(map[string]*yaml.Node, len(n.Content)/2)
			for i := 0; i+1 < len(n.Content); i += 2 {
				if err := once(file, seen, n.Content[i]); err != nil {
					return err
				}
				if err := checkKeys(file, where+n.Content[i].Value+": ", n.Content[i+1], t.Elem()); err != nil {
					return err
				}
			}
		case !isNull(n):
			return fmt.Errorf("%s:%d:%d: %sexpected a mapping, found %s", file, n.Line, n.Column, where, kindName(n))
		}
	default:
		// A single value: the library's own error for a list or a
		// mapping here names the line alone, in its own terms.
		if n.Kind == yaml.SequenceNode || n.Kind == yaml.MappingNode {
			return fmt.Errorf("%s:%d:%d: %sexpected %s, found %s", file, n.Line, n.Column, where, scalarName(t), kindName(n))
		}
	}
	return nil
}

// once refuses a key given twice in one mapping. The YAML library refuses
// it too, but by comparing every key with every other, a cost that grows
// with the square of the keys; a map of the keys seen is linear, and the
// error gets a column.
func once(file string, seen map[string]*yaml.Node, k *yaml.Node) error {
	if k.Kind != yaml.ScalarNode {
		return nil
	}
	if first, ok := seen[k.Value]; ok {
		return fmt.Errorf("%s:%d:%d: key %q is given twice (first at line %d)", file, k.Line, k.Column, k.Value, first.Line)
	}
	seen[k.Value] = k
	return nil
}

// isNull reports whether n is YAML's null (a key with no value).
func isNull(n *yaml.Node) bool {
	return n.Kind == yaml.ScalarNode && n.Tag == "!!null"
}

// scalarName is what a value of the single-valued type t is called in an
// error.
func scalarName(t reflect.Type) string {
	switch t.Kind() {
	case reflect.Bool:
		return "true or false"
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64,
		reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64,
		reflect.Float32, reflect.Float64:
		return "a number"
	}
	return "a single value"
}

func kindName(n *yaml.Node) string {
	switch n.Kind {
	case yaml.SequenceNode:
		return "a list"
	case yaml.MappingNode:
		return "a mapping"
	}
	return fmt.Sprintf("%q", n.Value)
}

var posType = reflect.TypeOf(Pos(""))

func setPos(file string, n *yaml.Node, v reflect.Value) {
	switch v.Kind() {
	case reflect.Struct:
		if n.Kind != yaml.MappingNode {
			return
		}
		for i := 0; i < v.NumField(); i++ {
			if v.Type().Field(i).Type == posType {
				v.Field(i).SetString(fmt.Sprintf("%s:%d:%d", file, n.Line, n.Column))
			}
		}
		fields := fieldsOf(v.Type())
		for i := 0; i+1 < len(n.Content); i += 2 {
			if f, ok := fields[n.Content[i].Value]; ok {
				setPos(file, n.Content[i+1], v.FieldByIndex(f.Index))
			}
		}
	case reflect.Slice:
		if n.Kind != yaml.SequenceNode {
			return
		}
		for i := 0; i < v.Len() && i < len(n.Content); i++ {
			setPos(file, n.Content[i], v.Index(i))
		}
	case reflect.Pointer:
		if !v.IsNil() {
			setPos(file, n, v.Elem())
		}
	}
}

// DidYouMean returns the candidate closest to s by edit distance, if it is
// close enough to be a likely typo.
func DidYouMean(s string, candidates []string) string {
	best, bestD := "", len(s)/2+2
	for _, c := range candidates {
		if d := Distance(strings.ToLower(s), strings.ToLower(c)); d < bestD {
			best, bestD = c, d
		}
	}
	return best
}

// Distance is the Levenshtein distance between a and b, in runes.
func Distance(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	prev := make([]int, len(rb)+1)
	cur := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(rb)]
}

// Load reads a pack from the .yaml/.yml files of fsys (sorted by path,
// merged in that order) and validates it.
func Load(fsys fs.FS, name string) (*Pack, error) {
	var files []string
	err := fs.WalkDir(fsys, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if !d.IsDir() && (path.Ext(p) == ".yaml" || path.Ext(p) == ".yml") {
			files = append(files, p)
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	if len(files) == 0 {
		return nil, fmt.Errorf("%s: no .yaml files in the rule pack", name)
	}
	sort.Strings(files)
	p := &Pack{}
	for _, f := range files {
		data, err := readYAMLFS(fsys, f, path.Join(name, f))
		if err != nil {
			return nil, err
		}
		var q Pack
		if err := DecodeStrict(path.Join(name, f), data, &q); err != nil {
			return nil, err
		}
		q.Files = []string{path.Join(name, f)}
		p.Merge(&q)
	}
	if err := p.Validate(); err != nil {
		return nil, err
	}
	return p, nil
}

// LoadPath reads a user's pack from a folder of YAML files or one file.
func LoadPath(p string) (*Pack, error) {
	return loadPath(p)
}
