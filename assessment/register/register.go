// Package register is the municipality register sirkel checks answers
// against: the 357 kommuner and 15 fylkeskommuner in force from 2024 (SSB's
// classification), with the search the interactive assessment uses.
package register

import (
	_ "embed"
	"encoding/csv"
	"slices"
	"strings"
	"sync"
)

var (
	//go:embed data/kommuner.csv
	kommunerCSV string
	//go:embed data/fylker.csv
	fylkerCSV string
)

// Entry is a kommune (four-digit number) or a fylkeskommune (two digits).
type Entry struct {
	Number     string
	Name       string
	County     string // fylkesnummer; a fylke's own number
	CountyName string
}

// IsCounty reports whether the entry is a fylkeskommune.
func (e Entry) IsCounty() bool { return len(e.Number) == 2 }

type table struct {
	kommuner, fylker []Entry
	byNum            map[string]Entry
}

// load parses the embedded tables once; they are fixed data, so a bad row
// is a bug in the build, not an input error.
var load = sync.OnceValue(func() *table {
	t := &table{byNum: map[string]Entry{}}
	rows, err := csv.NewReader(strings.NewReader(fylkerCSV)).ReadAll()
	if err != nil {
		panic(err)
	}
	for _, row := range rows[1:] {
		e := Entry{Number: row[0], Name: row[1], County: row[0], CountyName: row[1]}
		t.fylker = append(t.fylker, e)
		t.byNum[e.Number] = e
	}
	rows, err = csv.NewReader(strings.NewReader(kommunerCSV)).ReadAll()
	if err != nil {
		panic(err)
	}
	for _, row := range rows[1:] {
		e := Entry{Number: row[0], Name: row[1], County: row[2], CountyName: row[3]}
		t.kommuner = append(t.kommuner, e)
		t.byNum[e.Number] = e
	}
	return t
})

// Kommuner returns all kommuner, by number.
func Kommuner() []Entry { return load().kommuner }

// Fylker returns all fylkeskommuner, by number.
func Fylker() []Entry { return load().fylker }

// Lookup finds a kommune or fylkeskommune by its number.
func Lookup(number string) (Entry, bool) {
	e, ok := load().byNum[number]
	return e, ok
}

// SameName compares a written name with a registered one, accepting any of
// a registered name's parallel forms («Nordland - Nordlánnda») and the
// words «kommune» and «fylkeskommune» after it.
func SameName(written, registered string) bool {
	w := strings.ToLower(strings.TrimSpace(written))
	w = strings.TrimSuffix(strings.TrimSuffix(w, " fylkeskommune"), " kommune")
	if w == strings.ToLower(registered) {
		return true
	}
	for _, part := range strings.Split(registered, " - ") {
		if w == strings.ToLower(strings.TrimSpace(part)) {
			return true
		}
	}
	return false
}

// Search finds kommuner and fylkeskommuner by number or name, best first:
// an exact name, then names that start with the text, then names with a
// word that starts with it, then names that contain it; kommuner before
// fylkeskommuner within each rank, alphabetically (æ, ø, å last). An empty
// text lists everything in that order.
func Search(text string) []Entry {
	t := load()
	want := strings.ToLower(strings.TrimSpace(text))
	type hit struct {
		e    Entry
		rank int
	}
	var hits []hit
	for _, list := range [][]Entry{t.kommuner, t.fylker} {
		for _, e := range list {
			if r := Rank(e, want); r >= 0 {
				hits = append(hits, hit{e, r})
			}
		}
	}
	slices.SortStableFunc(hits, func(a, b hit) int {
		if a.rank != b.rank {
			return a.rank - b.rank
		}
		if a.e.IsCounty() != b.e.IsCounty() {
			if a.e.IsCounty() {
				return 1
			}
			return -1
		}
		return strings.Compare(SortKey(a.e.Name), SortKey(b.e.Name))
	})
	out := make([]Entry, len(hits))
	for i, h := range hits {
		out[i] = h.e
	}
	return out
}

// Rank is how well an entry matches a text, lower is better (the ranks of
// Search); -1 when it does not match.
func Rank(e Entry, text string) int {
	want := strings.ToLower(strings.TrimSpace(text))
	name := strings.ToLower(e.Name)
	switch {
	case want == "":
		return 0
	case e.Number == want || SameName(want, e.Name):
		return 0
	case strings.HasPrefix(name, want) || strings.HasPrefix(e.Number, want):
		return 1
	case hasWordPrefix(name, want):
		return 2
	case strings.Contains(name, want):
		return 3
	}
	return -1
}

func hasWordPrefix(name, want string) bool {
	for _, w := range strings.FieldsFunc(name, func(r rune) bool { return r == ' ' || r == '-' || r == '(' }) {
		if strings.HasPrefix(w, want) {
			return true
		}
	}
	return false
}

// SortKey orders Norwegian names: æ, ø and å come after z. They are
// letters to sort by, not text, so they are runes here.
func SortKey(name string) string {
	return strings.Map(func(r rune) rune {
		switch r {
		case 'æ', 'Æ':
			return '{'
		case 'ø', 'Ø':
			return '|'
		case 'å', 'Å':
			return '}'
		}
		return r
	}, name)
}
