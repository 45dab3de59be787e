package assessment

import (
	_ "embed"
	"encoding/csv"
	"strings"
	"sync"
)

// The municipality register: kommuner and fylker in force from 2024 (SSB).
var (
	//go:embed data/kommuner.csv
	kommunerCSV string
	//go:embed data/fylker.csv
	fylkerCSV string
)

// RegisteredMunicipality is an entry of the register.
type RegisteredMunicipality struct {
	Number     string
	Name       string
	County     string // fylkesnummer
	CountyName string
}

type register struct {
	list   []RegisteredMunicipality
	byNum  map[string]int
	county map[string]string
}

var loadRegister = sync.OnceValue(func() *register {
	r := &register{byNum: map[string]int{}, county: map[string]string{}}
	rows, err := csv.NewReader(strings.NewReader(fylkerCSV)).ReadAll()
	must(err)
	for _, row := range rows[1:] {
		r.county[row[0]] = row[1]
	}
	rows, err = csv.NewReader(strings.NewReader(kommunerCSV)).ReadAll()
	must(err)
	for _, row := range rows[1:] {
		r.byNum[row[0]] = len(r.list)
		r.list = append(r.list, RegisteredMunicipality{Number: row[0], Name: row[1], County: row[2], CountyName: row[3]})
	}
	return r
})

// Municipalities returns all kommuner, in register order (by number).
func Municipalities() []RegisteredMunicipality {
	return loadRegister().list
}

// LookupMunicipality finds a kommune (4 digits) or a fylkeskommune (2
// digits) by number and returns its registered name.
func LookupMunicipality(number string) (string, bool) {
	r := loadRegister()
	if len(number) == 2 {
		name, ok := r.county[number]
		return name, ok
	}
	i, ok := r.byNum[number]
	if !ok {
		return "", false
	}
	return r.list[i].Name, true
}

// sameName compares a written name with a registered one, accepting any of
// a registered name's parallel forms («Nordland - Nordlánnda»).
func sameName(written, registered string) bool {
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
