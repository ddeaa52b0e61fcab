package main

import (
	"bytes"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"go.yaml.in/yaml/v3"
)

// The files that install and wire itilint in (release archives, container
// image, pre-commit hooks, GitHub Action) are checked here, since the tools
// that read them (goreleaser, docker, pre-commit, GitHub) do not run in CI.

func readRepoFile(t *testing.T, name string) []byte {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("..", "..", name))
	if err != nil {
		t.Fatal(err)
	}
	return data
}

func decodeYAML(t *testing.T, name string, v any) {
	t.Helper()
	dec := yaml.NewDecoder(bytes.NewReader(readRepoFile(t, name)))
	dec.KnownFields(true)
	if err := dec.Decode(v); err != nil {
		t.Fatalf("%s: %v", name, err)
	}
}

// goVersion is go.mod's go directive cut to major.minor ("1.26").
func goVersion(t *testing.T) string {
	m := regexp.MustCompile(`(?m)^go (\d+\.\d+)`).FindSubmatch(readRepoFile(t, "go.mod"))
	if m == nil {
		t.Fatal("go.mod has no go directive")
	}
	return string(m[1])
}

// goreleaserConfig is the part of .goreleaser.yaml the release relies on.
type goreleaserConfig struct {
	Version     int    `yaml:"version"`
	ProjectName string `yaml:"project_name"`
	Before      struct {
		Hooks []string `yaml:"hooks"`
	} `yaml:"before"`
	Builds    []goreleaserBuild   `yaml:"builds"`
	Archives  []goreleaserArchive `yaml:"archives"`
	Checksum  map[string]any      `yaml:"checksum"`
	Changelog map[string]any      `yaml:"changelog"`
}

type goreleaserBuild struct {
	ID           string   `yaml:"id"`
	Main         string   `yaml:"main"`
	Binary       string   `yaml:"binary"`
	Env          []string `yaml:"env"`
	Goos         []string `yaml:"goos"`
	Goarch       []string `yaml:"goarch"`
	Flags        []string `yaml:"flags"`
	Ldflags      []string `yaml:"ldflags"`
	ModTimestamp string   `yaml:"mod_timestamp"`
}

type goreleaserArchive struct {
	ID              string   `yaml:"id"`
	IDs             []string `yaml:"ids"`
	Formats         []string `yaml:"formats"`
	FormatOverrides []struct {
		Goos    string   `yaml:"goos"`
		Formats []string `yaml:"formats"`
	} `yaml:"format_overrides"`
	NameTemplate string   `yaml:"name_template"`
	Files        []string `yaml:"files"`
}

func TestGoreleaserConfig(t *testing.T) {
	var cfg goreleaserConfig
	decodeYAML(t, ".goreleaser.yaml", &cfg)
	if cfg.Version != 2 {
		t.Errorf("version: %d, want 2 (goreleaser v2's schema)", cfg.Version)
	}
	if len(cfg.Builds) != 1 {
		t.Fatalf("%d builds, want 1", len(cfg.Builds))
	}
	checkGoreleaserBuild(t, cfg.Builds[0])
	if len(cfg.Archives) != 1 {
		t.Fatalf("%d archives, want 1", len(cfg.Archives))
	}
	checkGoreleaserArchive(t, cfg.Archives[0], cfg.Builds[0].ID)
}

// checkGoreleaserBuild checks the build: a static itilint binary for the
// three systems on both architectures, stamped with its version.
func checkGoreleaserBuild(t *testing.T, b goreleaserBuild) {
	t.Helper()
	if _, err := os.Stat(filepath.Join("..", "..", b.Main)); err != nil || filepath.Clean(b.Main) != filepath.Join("cmd", "itilint") {
		t.Errorf("main: %q, want ./cmd/itilint (%v)", b.Main, err)
	}
	if b.Binary != "itilint" {
		t.Errorf("binary: %q", b.Binary)
	}
	if !slices.Contains(b.Env, "CGO_ENABLED=0") {
		t.Errorf("env %q lacks CGO_ENABLED=0 (a static binary)", b.Env)
	}
	for _, os := range []string{"linux", "darwin", "windows"} {
		if !slices.Contains(b.Goos, os) {
			t.Errorf("goos %q lacks %s", b.Goos, os)
		}
	}
	for _, arch := range []string{"amd64", "arm64"} {
		if !slices.Contains(b.Goarch, arch) {
			t.Errorf("goarch %q lacks %s", b.Goarch, arch)
		}
	}
	if !strings.Contains(strings.Join(b.Ldflags, " "), "-X main.version={{.Version}}") {
		t.Errorf("ldflags %q do not stamp main.version", b.Ldflags)
	}
}

// checkGoreleaserArchive checks the archive: the build's binary, zip on
// Windows, with the licence and README.
func checkGoreleaserArchive(t *testing.T, a goreleaserArchive, buildID string) {
	t.Helper()
	if !slices.Contains(a.IDs, buildID) {
		t.Errorf("archive ids %q do not include build %q", a.IDs, buildID)
	}
	zip := false
	for _, o := range a.FormatOverrides {
		zip = zip || o.Goos == "windows" && slices.Equal(o.Formats, []string{"zip"})
	}
	if !zip {
		t.Error("Windows archives are not zip files")
	}
	for _, f := range []string{"LICENSE", "README.md"} {
		if !slices.Contains(a.Files, f) {
			t.Errorf("archives lack %s", f)
		}
		readRepoFile(t, f)
	}
}

func TestDockerfile(t *testing.T) {
	text := string(readRepoFile(t, "Dockerfile"))
	froms := regexp.MustCompile(`(?m)^FROM (\S+)`).FindAllStringSubmatch(text, -1)
	if len(froms) < 2 {
		t.Fatalf("%d FROM lines, want a build stage and a run stage", len(froms))
	}
	if want := "golang:" + goVersion(t); !strings.HasPrefix(froms[0][1], want) {
		t.Errorf("build stage %s, want %s (go.mod's Go)", froms[0][1], want)
	}
	build := regexp.MustCompile(`(?m)^RUN (.*go build .*)$`).FindStringSubmatch(text)
	if build == nil {
		t.Fatal("no RUN ... go build line")
	}
	for _, want := range []string{"CGO_ENABLED=0", "./cmd/itilint", "-X main.version="} {
		if !strings.Contains(build[1], want) {
			t.Errorf("the build command %q lacks %s", build[1], want)
		}
	}
	last := text[strings.LastIndex(text, "\nFROM "):]
	user := regexp.MustCompile(`(?m)^USER (\S+)`).FindStringSubmatch(last)
	if user == nil || user[1] == "root" || strings.HasPrefix(user[1], "0") {
		t.Errorf("the run stage does not switch to a non-root user: %v", user)
	}
	if !strings.Contains(last, `ENTRYPOINT ["/usr/local/bin/itilint"]`) {
		t.Error("the image's entry point is not itilint")
	}
}

// TestPreCommitHooks runs each hook's entry as pre-commit does (the entry,
// then the staged files) through the CLI.
func TestPreCommitHooks(t *testing.T) {
	var hooks []struct {
		ID            string `yaml:"id"`
		Name          string `yaml:"name"`
		Description   string `yaml:"description"`
		Entry         string `yaml:"entry"`
		Language      string `yaml:"language"`
		Files         string `yaml:"files"`
		RequireSerial bool   `yaml:"require_serial"`
	}
	decodeYAML(t, ".pre-commit-hooks.yaml", &hooks)
	byID := map[string]int{}
	for i, h := range hooks {
		byID[h.ID] = i
		if h.Language != "golang" {
			t.Errorf("%s: language %q, want golang (pre-commit builds it with go install)", h.ID, h.Language)
		}
		if !h.RequireSerial {
			t.Errorf("%s: the course-level rules need every file in one run (require_serial: true)", h.ID)
		}
		files := regexp.MustCompile(h.Files)
		for _, name := range []string{"a.md", "b/c.txt", "d.vtt", "e.srt", "f.markdown"} {
			if !files.MatchString(name) {
				t.Errorf("%s: files %q does not match %s", h.ID, h.Files, name)
			}
		}
		if files.MatchString("g.go") {
			t.Errorf("%s: files %q matches g.go", h.ID, h.Files)
		}
	}
	for _, id := range []string{"itilint", "itilint-fix"} {
		if _, ok := byID[id]; !ok {
			t.Fatalf("no hook %q", id)
		}
	}
	runHook := func(id string, files ...string) (int, string) {
		args := strings.Fields(hooks[byID[id]].Entry)
		if args[0] != "itilint" {
			t.Fatalf("%s: entry %q does not run itilint", id, hooks[byID[id]].Entry)
		}
		var out bytes.Buffer
		code := run(append(args, files...), &out, &out)
		return code, out.String()
	}
	dir := t.TempDir()
	bad := filepath.Join(dir, "bad.md")
	glitchy := filepath.Join(dir, "glitchy.md")
	clean := "# Guiding principles\n\nThere are seven guiding principles in ITIL 4.\n"
	write := func(path, text string) {
		if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write(bad, "# Guiding principles\n\nThere are six guiding principles in ITIL 4.\n")
	write(glitchy, "#   Guiding principles\n\nThere are seven guiding principles in ITIL 4.  \n")

	if code, out := runHook("itilint", bad); code != exitFindings || !strings.Contains(out, "list-count") {
		t.Errorf("itilint hook on a wrong count: exit %d, want %d with list-count:\n%s", code, exitFindings, out)
	}
	if code, out := runHook("itilint", glitchy); code != exitOK {
		t.Errorf("itilint hook on formatting glitches only: exit %d, want 0:\n%s", code, out)
	}
	if code, out := runHook("itilint-fix", glitchy); code != exitOK {
		t.Errorf("itilint-fix hook: exit %d:\n%s", code, out)
	}
	if got, _ := os.ReadFile(glitchy); string(got) != clean {
		t.Errorf("itilint-fix hook left %q, want %q", got, clean)
	}
}

// TestAction checks action.yml's interface: the inputs the README and the
// example workflow use, and that the check step passes only flags that
// itilint check has.
func TestAction(t *testing.T) {
	var action struct {
		Name        string                       `yaml:"name"`
		Description string                       `yaml:"description"`
		Author      string                       `yaml:"author"`
		Branding    map[string]string            `yaml:"branding"`
		Inputs      map[string]map[string]any    `yaml:"inputs"`
		Outputs     map[string]map[string]string `yaml:"outputs"`
		Runs        struct {
			Using string `yaml:"using"`
			Steps []struct {
				ID               string            `yaml:"id"`
				Name             string            `yaml:"name"`
				If               string            `yaml:"if"`
				Uses             string            `yaml:"uses"`
				Shell            string            `yaml:"shell"`
				WorkingDirectory string            `yaml:"working-directory"`
				Env              map[string]string `yaml:"env"`
				With             map[string]string `yaml:"with"`
				Run              string            `yaml:"run"`
			} `yaml:"steps"`
		} `yaml:"runs"`
	}
	decodeYAML(t, "action.yml", &action)
	if action.Runs.Using != "composite" {
		t.Errorf("runs.using %q, want composite", action.Runs.Using)
	}
	for _, in := range []string{"paths", "format", "fail-on"} {
		if _, ok := action.Inputs[in]; !ok {
			t.Errorf("no input %q", in)
		}
	}
	check := newApp(nil, nil).Command("check")
	known := map[string]bool{}
	for _, f := range check.Flags {
		for _, n := range f.Names() {
			known[flagText(n)] = true
		}
	}
	installs, uploads := false, false
	for _, s := range action.Runs.Steps {
		installs = installs || strings.Contains(s.Run, "go install ./cmd/itilint") && strings.Contains(s.WorkingDirectory, "github.action_path")
		uploads = uploads || strings.HasPrefix(s.Uses, "github/codeql-action/upload-sarif@") && strings.Contains(s.If, "sarif")
		if !strings.Contains(s.Run, "itilint\"") {
			continue
		}
		for _, m := range regexp.MustCompile(`(--[a-z-]+)`).FindAllString(s.Run, -1) {
			if !known[m] {
				t.Errorf("step %q passes %s, which itilint check does not have", s.Name, m)
			}
		}
	}
	if !installs {
		t.Error("no step installs itilint from the action's own checkout")
	}
	if !uploads {
		t.Error("no step uploads the SARIF report")
	}
}
