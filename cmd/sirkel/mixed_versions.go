package main

import (
	"io"
	"slices"
	"sort"
	"strings"

	"github.com/sirkel/sirkel/assessment"
	"github.com/sirkel/sirkel/assessment/lang"
	"github.com/sirkel/sirkel/cmd/sirkel/internal/cli"
)

// versionSet collects the questionnaire versions that files were read
// against, so that a comparison across versions is said once.
type versionSet map[string][]string // id → versions

func (vs versionSet) add(q *assessment.Questionnaire) {
	if q != nil && !slices.Contains(vs[q.ID], q.Version) {
		vs[q.ID] = append(vs[q.ID], q.Version)
	}
}

// warnings name each questionnaire met in more than one version.
func (vs versionSet) warnings() []lang.Msg {
	ids := make([]string, 0, len(vs))
	for id := range vs {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	var out []lang.Msg
	for _, id := range ids {
		versions := slices.Clone(vs[id])
		if len(versions) < 2 {
			continue
		}
		slices.SortFunc(versions, assessment.CompareVersions)
		out = append(out, lang.M("cmd-versions-mixed", "ID", id, "Versions", strings.Join(versions, ", ")))
	}
	return out
}

func (vs versionSet) warn(w io.Writer, p *lang.Printer) {
	for _, m := range vs.warnings() {
		cli.Warn(w, p, m)
	}
}
