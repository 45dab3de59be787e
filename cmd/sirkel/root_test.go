package main

import (
	"runtime/debug"
	"testing"
)

func TestVersionFromBuildInfo(t *testing.T) {
	const rev = "920b61bd96af110f94868b218cfa1434371359fc"
	vcs := func(modified string) []debug.BuildSetting {
		return []debug.BuildSetting{{Key: "vcs", Value: "git"}, {Key: "vcs.revision", Value: rev}, {Key: "vcs.modified", Value: modified}}
	}
	for _, tc := range []struct {
		name string
		bi   *debug.BuildInfo
		ok   bool
		want string
	}{
		{"no build info", nil, false, "dev"},
		{"go install of a tagged version", &debug.BuildInfo{Main: debug.Module{Version: "v1.4.0"}, Settings: vcs("false")}, true, "v1.4.0"},
		{"version stamped from git", &debug.BuildInfo{Main: debug.Module{Version: "v0.0.0-20261201175847-920b61bd96af+dirty"}}, true, "v0.0.0-20261201175847-920b61bd96af+dirty"},
		{"checkout, clean", &debug.BuildInfo{Main: debug.Module{Version: "(devel)"}, Settings: vcs("false")}, true, "920b61bd96af"},
		{"checkout with changes", &debug.BuildInfo{Main: debug.Module{Version: "(devel)"}, Settings: vcs("true")}, true, "920b61bd96af-modified"},
		{"no VCS information", &debug.BuildInfo{Main: debug.Module{Version: "(devel)"}}, true, "dev"},
	} {
		if got := versionFromBuildInfo(tc.bi, tc.ok); got != tc.want {
			t.Errorf("%s: got %q, want %q", tc.name, got, tc.want)
		}
	}
}
