package main

import (
	"regexp"
	"runtime/debug"
	"strings"
)

// devVersion is version when no release stamped it.
const devVersion = "0.1.0-dev"

// fullVersion is what --version prints after "itilint version": the
// release version (stamped with -ldflags "-X main.version=..." by the
// release build, or the module version when built with go install
// MODULE@VERSION), then the commit the binary was built from, as the Go
// toolchain records it in the build info of a binary built in a git clone.
func fullVersion() string {
	info, _ := debug.ReadBuildInfo()
	return describeBuild(version, info)
}

// pseudoVersion matches the version the go command makes up for a commit
// that no release tag names (v0.0.0-20261207014916-bbec32ddefc6); the
// commit says more than it.
var pseudoVersion = regexp.MustCompile(`\d{14}-[0-9a-f]{12}(\+dirty)?$`)

// releaseVersion is the version alone, without the commit: what SARIF
// reports name as the tool's version.
func releaseVersion() string {
	info, _ := debug.ReadBuildInfo()
	return versionOf(version, info)
}

// versionOf is the stamped version, or else the module version of a binary
// built with go install MODULE@VERSION, or else devVersion.
func versionOf(stamped string, info *debug.BuildInfo) string {
	v := stamped
	if v == "" {
		v = devVersion
	}
	if info == nil {
		return v
	}
	if mv := info.Main.Version; v == devVersion && mv != "" && mv != "(devel)" && !pseudoVersion.MatchString(mv) {
		v = strings.TrimPrefix(mv, "v")
	}
	return v
}

// describeBuild formats a version and build info as fullVersion does; info
// may be nil (a binary built without module support).
func describeBuild(stamped string, info *debug.BuildInfo) string {
	v := versionOf(stamped, info)
	if info == nil {
		return v + " (commit unknown)"
	}
	var revision, when string
	modified := false
	for _, s := range info.Settings {
		switch s.Key {
		case "vcs.revision":
			revision = s.Value
		case "vcs.time":
			when = s.Value
		case "vcs.modified":
			modified = s.Value == "true"
		}
	}
	if revision == "" {
		return v + " (commit unknown, " + info.GoVersion + ")"
	}
	if len(revision) > 12 {
		revision = revision[:12]
	}
	if modified {
		revision += " with local changes"
	}
	out := v + " (commit " + revision
	if when != "" {
		out += ", " + when
	}
	return out + ", " + info.GoVersion + ")"
}
