package pack

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"path"
	"reflect"
	"regexp"
	"sort"
	"strings"

	"go.yaml.in/yaml/v3"
)

// DecodeStrict decodes YAML into v (a pointer to a struct) and rejects keys
// that v does not have, with errors of the form file:line:col: what is
// wrong, and a did-you-mean. Fields of type Pos are set to the position of
// the mapping they were read from.
func DecodeStrict(file string, data []byte, v any) error {
	var root yaml.Node
	dec := yaml.NewDecoder(bytes.NewReader(data))
	if err := dec.Decode(&root); err != nil {
		if errors.Is(err, io.EOF) {
			return nil // an empty file is an empty value
		}
		return fmt.Errorf("%s:%s", file, yamlErr(err))
	}
	doc := &root
	if doc.Kind == yaml.DocumentNode && len(doc.Content) == 1 {
		doc = doc.Content[0]
	}
	if err := checkKeys(file, doc, reflect.TypeOf(v).Elem()); err != nil {
		return err
	}
	if err := doc.Decode(v); err != nil {
		return fmt.Errorf("%s:%s", file, yamlErr(err))
	}
	setPos(file, doc, reflect.ValueOf(v).Elem())
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

func checkKeys(file string, n *yaml.Node, t reflect.Type) error {
	for t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	switch t.Kind() {
	case reflect.Struct:
		if n.Kind != yaml.MappingNode {
			if n.Kind == yaml.ScalarNode && n.Tag == "!!null" {
				return nil
			}
			return fmt.Errorf("%s:%d:%d: expected a mapping, found %s", file, n.Line, n.Column, kindName(n))
		}
		fields := fieldsOf(t)
		for i := 0; i+1 < len(n.Content); i += 2 {
			k, val := n.Content[i], n.Content[i+1]
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
			if err := checkKeys(file, val, f.Type); err != nil {
				return err
			}
		}
	case reflect.Slice:
		if n.Kind == yaml.SequenceNode {
			for _, c := range n.Content {
				if err := checkKeys(file, c, t.Elem()); err != nil {
					return err
				}
			}
		} else if n.Kind == yaml.MappingNode {
			return fmt.Errorf("%s:%d:%d: expected a list, found a mapping", file, n.Line, n.Column)
		}
	case reflect.Map:
		if n.Kind == yaml.MappingNode {
			for i := 1; i < len(n.Content); i += 2 {
				if err := checkKeys(file, n.Content[i], t.Elem()); err != nil {
					return err
				}
			}
		}
	}
	return nil
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
		data, err := fs.ReadFile(fsys, f)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", path.Join(name, f), err)
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
