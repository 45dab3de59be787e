package main

import (
	"fmt"
	"io"
	"slices"
	"sort"
	"strings"

	"github.com/sirkel/sirkel/assessment"
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
func (vs versionSet) warnings() []string {
	ids := make([]string, 0, len(vs))
	for id := range vs {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	var out []string
	for _, id := range ids {
		versions := slices.Clone(vs[id])
		if len(versions) < 2 {
			continue
		}
		slices.SortFunc(versions, assessment.CompareVersions)
		out = append(out, fmt.Sprintf("filene gjelder ulike versjoner av %s (%s); områdeskårene sammenlignes, spørsmål bare der id-ene er like",
			id, strings.Join(versions, ", ")))
	}
	return out
}

func (vs versionSet) warn(w io.Writer) {
	for _, msg := range vs.warnings() {
		fmt.Fprintf(w, "sirkel: advarsel: %s\n", msg)
	}
}
