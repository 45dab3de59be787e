package register

import (
	"slices"
	"testing"
)

func TestCounts(t *testing.T) {
	if n := len(Kommuner()); n != 357 {
		t.Errorf("%d kommuner, want 357", n)
	}
	if n := len(Fylker()); n != 15 {
		t.Errorf("%d fylker, want 15", n)
	}
	if e, ok := Lookup("46"); !ok || e.Name != "Vestland" || !e.IsCounty() {
		t.Errorf("46 = %+v", e)
	}
	if e, ok := Lookup("3440"); !ok || e.Name != "Øyer" || e.IsCounty() {
		t.Errorf("3440 = %+v", e)
	}
}

// «øy» is the prompt's own example: Øyer and Øygarden, whose names start
// with it, come before names with a word starting with it (none here) and
// those that only contain it (Herøy, Bøy…).
func TestSearchRanks(t *testing.T) {
	var names []string
	for _, e := range Search("øy")[:2] {
		names = append(names, e.Name)
	}
	if !slices.Equal(names, []string{"Øyer", "Øygarden"}) {
		t.Errorf("first hits %v", names)
	}
	// A parallel name is a name.
	hits := Search("raane")
	if len(hits) != 1 || hits[0].Number != "1833" || Rank(hits[0], "raane") != 0 {
		t.Errorf("raane: %v", hits)
	}
	// A word inside the name ranks before a mere substring, and kommuner
	// come before the fylke of the same rank.
	hits = Search("romsdal")
	if len(hits) != 2 || hits[0].IsCounty() || Rank(hits[0], "romsdal") != 2 || !hits[len(hits)-1].IsCounty() {
		t.Errorf("romsdal: %v", hits)
	}
	// Kommuner before fylkeskommuner of the same rank.
	hits = Search("vestland")
	if len(hits) != 1 || !hits[0].IsCounty() {
		t.Errorf("vestland: %v", hits)
	}
	hits = Search("Nord")
	for i := 1; i < len(hits); i++ {
		if Rank(hits[i], "Nord") < Rank(hits[i-1], "Nord") {
			t.Fatalf("not ranked: %v", hits)
		}
	}
}

func TestSameName(t *testing.T) {
	for _, tt := range []struct {
		written, registered string
		same                bool
	}{
		{"Øyer kommune", "Øyer", true},
		{"nordland", "Nordland - Nordlánnda", true},
		{"Nordlánnda fylkeskommune", "Nordland - Nordlánnda", true},
		{"Lillehammer", "Øyer", false},
	} {
		if SameName(tt.written, tt.registered) != tt.same {
			t.Errorf("SameName(%q, %q) != %v", tt.written, tt.registered, tt.same)
		}
	}
}
