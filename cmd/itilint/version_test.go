package main

import (
	"runtime/debug"
	"testing"
)

func TestDescribeBuild(t *testing.T) {
	vcs := func(kv ...string) []debug.BuildSetting {
		var out []debug.BuildSetting
		for i := 0; i < len(kv); i += 2 {
			out = append(out, debug.BuildSetting{Key: kv[i], Value: kv[i+1]})
		}
		return out
	}
	tests := []struct {
		name    string
		stamped string
		info    *debug.BuildInfo
		want    string
	}{
		{"no build info", devVersion, nil, "0.1.0-dev (commit unknown)"},
		{"go test or -buildvcs=false", devVersion,
			&debug.BuildInfo{GoVersion: "go1.26.8", Main: debug.Module{Version: "(devel)"}},
			"0.1.0-dev (commit unknown, go1.26.8)"},
		{"go build in a clone", devVersion,
			&debug.BuildInfo{GoVersion: "go1.26.8", Main: debug.Module{Version: "v0.0.0-20261207014916-bbec32ddefc6"},
				Settings: vcs("vcs", "git", "vcs.revision", "bbec32ddefc61b5d9345bf0ea37aebcf243d5794", "vcs.time", "2026-12-07T01:49:16Z", "vcs.modified", "false")},
			"0.1.0-dev (commit bbec32ddefc6, 2026-12-07T01:49:16Z, go1.26.8)"},
		{"local changes", devVersion,
			&debug.BuildInfo{GoVersion: "go1.26.8", Main: debug.Module{Version: "v0.0.0-20261207014916-bbec32ddefc6+dirty"},
				Settings: vcs("vcs.revision", "bbec32ddefc61b5d9345bf0ea37aebcf243d5794", "vcs.modified", "true")},
			"0.1.0-dev (commit bbec32ddefc6 with local changes, go1.26.8)"},
		{"go install MODULE@VERSION", devVersion,
			&debug.BuildInfo{GoVersion: "go1.26.8", Main: debug.Module{Version: "v1.2.3"}},
			"1.2.3 (commit unknown, go1.26.8)"},
		{"release build stamps the version", "1.2.3",
			&debug.BuildInfo{GoVersion: "go1.26.8", Main: debug.Module{Version: "v1.2.3"},
				Settings: vcs("vcs.revision", "0123456789abcdef0123", "vcs.time", "2026-12-07T00:00:00Z")},
			"1.2.3 (commit 0123456789ab, 2026-12-07T00:00:00Z, go1.26.8)"},
	}
	for _, tt := range tests {
		if got := describeBuild(tt.stamped, tt.info); got != tt.want {
			t.Errorf("%s: got %q, want %q", tt.name, got, tt.want)
		}
	}
}
