package assessment

import (
	"strconv"
	"strings"
)

// String names the questionnaire as people type it: id@version.
func (r QuestionnaireRef) String() string {
	if r.Version == "" {
		return r.ID
	}
	return r.ID + "@" + r.Version
}

// ParseRef reads «id» or «id@version»; a bare id leaves Version empty,
// which callers read as the newest.
func ParseRef(s string) QuestionnaireRef {
	id, version, _ := strings.Cut(strings.TrimSpace(s), "@")
	return QuestionnaireRef{ID: id, Version: version}
}

// CompareVersions orders questionnaire versions by their dotted parts,
// numerically where both parts are numbers, so that 2026.10 comes after
// 2026.9; a missing part counts as 0. It returns -1, 0 or 1.
func CompareVersions(a, b string) int {
	pa, pb := strings.Split(a, "."), strings.Split(b, ".")
	for i := range max(len(pa), len(pb)) {
		x, y := "0", "0"
		if i < len(pa) {
			x = pa[i]
		}
		if i < len(pb) {
			y = pb[i]
		}
		if c := comparePart(x, y); c != 0 {
			return c
		}
	}
	// Equal by value («1» and «1.0»): the spelling decides, so that the
	// order is total and stable.
	return strings.Compare(a, b)
}

// comparePart compares two parts, numbers before words, numbers by value.
func comparePart(x, y string) int {
	nx, ex := strconv.ParseUint(x, 10, 64)
	ny, ey := strconv.ParseUint(y, 10, 64)
	switch {
	case ex == nil && ey == nil:
		switch {
		case nx < ny:
			return -1
		case nx > ny:
			return 1
		}
		return 0
	case ex == nil:
		return -1
	case ey == nil:
		return 1
	}
	return strings.Compare(x, y)
}
