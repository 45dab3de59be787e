package assessment

import (
	"fmt"
	"regexp"
	"strconv"
	"time"

	"github.com/sirkel/sirkel/assessment/strictyaml"

	"go.yaml.in/yaml/v3"
)

// PlanStatus is what a municipality's answers file says about one of its
// plans (plans.<id>): when it was adopted, when it is next revised, and
// how it stands. All fields are optional.
type PlanStatus struct {
	Adopted YearMonth // a year, a month or a date
	Next    YearMonth // a year or a month; overrides the plan's cycle
	Status  string    // free text
}

var planStatusKeys = []string{"adopted", "next", "status"}

func (p *PlanStatus) UnmarshalStrict(d *strictyaml.Decoder, n *yaml.Node, path string) {
	if n.Kind == yaml.ScalarNode && n.ShortTag() == "!!null" {
		return
	}
	if n.Kind != yaml.MappingNode {
		d.Errorf(n, path, "forventet en mapping for planen, for eksempel {adopted: 2021, next: 2027, status: Under revisjon}, fant %s", strictyaml.Describe(n))
		return
	}
	d.MappingPairs(n, path, func(k string, kn, v *yaml.Node) {
		fp := strictyaml.JoinPath(path, k)
		switch k {
		case "adopted":
			p.Adopted.decode(d, v, fp, true)
		case "next":
			p.Next.decode(d, v, fp, false)
		case "status":
			d.DecodeString(v, &p.Status, fp)
		default:
			d.Errorf(kn, fp, "ukjent nøkkel «%s»; gyldige nøkler her: adopted, next, status%s", k, strictyaml.Meant(k, planStatusKeys))
		}
	})
}

// YearMonth is a point in time as a municipality writes it about a plan:
// a year (2027), a month (2027-06) or, for an adoption, a date
// (2021-06-15). It keeps the precision it was written with.
type YearMonth struct {
	Year  int
	Month int // 1–12; 0 when only the year is given
	Day   int // 0 unless a full date is given
}

// IsSet reports whether a year was given.
func (y YearMonth) IsSet() bool { return y.Year != 0 }

// String writes the value as it is read: 2027, 2027-06 or 2027-06-15.
func (y YearMonth) String() string {
	switch {
	case !y.IsSet():
		return ""
	case y.Month == 0:
		return fmt.Sprintf("%04d", y.Year)
	case y.Day == 0:
		return fmt.Sprintf("%04d-%02d", y.Year, y.Month)
	}
	return fmt.Sprintf("%04d-%02d-%02d", y.Year, y.Month, y.Day)
}

// ToMonth is the month the value stands for; a year alone is read as its
// December, the latest month it can mean.
func (y YearMonth) ToMonth() Month {
	if y.Month == 0 {
		return Month{Year: y.Year, Month: 12}
	}
	return Month{Year: y.Year, Month: y.Month}
}

var reYearMonth = regexp.MustCompile(`^([0-9]{4})(?:-([0-9]{2})(?:-([0-9]{2}))?)?$`)

// ParseYearMonth reads a year, a month or (with allowDay) a date, with one
// rule for every input; on anything else it returns a Norwegian message
// naming the accepted forms.
func ParseYearMonth(s string, allowDay bool) (YearMonth, string) {
	forms := yearMonthForms(allowDay)
	m := reYearMonth.FindStringSubmatch(s)
	if m == nil || (m[3] != "" && !allowDay) {
		return YearMonth{}, fmt.Sprintf("ugyldig tidspunkt %s; %s", quoteVal(s), forms)
	}
	y := YearMonth{}
	y.Year, _ = strconv.Atoi(m[1])
	if y.Year == 0 {
		return YearMonth{}, fmt.Sprintf("ugyldig år %s; %s", quoteVal(s), forms)
	}
	if m[2] != "" {
		y.Month, _ = strconv.Atoi(m[2])
		if y.Month < 1 || y.Month > 12 {
			return YearMonth{}, fmt.Sprintf("ugyldig tidspunkt %s: måneden må være 01–12; %s", quoteVal(s), forms)
		}
	}
	if m[3] != "" {
		if _, err := time.Parse(time.DateOnly, s); err != nil {
			return YearMonth{}, fmt.Sprintf("ugyldig dato %s: dagen finnes ikke i måneden; %s", quoteVal(s), forms)
		}
		y.Day, _ = strconv.Atoi(m[3])
	}
	return y, ""
}

func yearMonthForms(allowDay bool) string {
	if allowDay {
		return "skriv et år (2021), en måned (2021-06) eller en dato (2021-06-15)"
	}
	return "skriv et år (2027) eller en måned (2027-06)"
}

// decode reads the node's text, whatever tag YAML gave it (2027 is an
// int, 2027-06-15 a timestamp, 2027-06 a string).
func (y *YearMonth) decode(d *strictyaml.Decoder, n *yaml.Node, path string, allowDay bool) {
	n, ok := d.Enter(n, path, 4)
	if !ok {
		return
	}
	if n.Kind == yaml.ScalarNode && n.ShortTag() == "!!null" {
		return
	}
	if n.Kind != yaml.ScalarNode {
		d.Errorf(n, path, "forventet et tidspunkt, fant %s; %s", strictyaml.Describe(n), yearMonthForms(allowDay))
		return
	}
	v, msg := ParseYearMonth(n.Value, allowDay)
	if msg != "" {
		d.Errorf(n, path, "%s", msg)
		return
	}
	*y = v
}

// node is the YAML value that reads back as y, unquoted.
func (y YearMonth) node() *yaml.Node {
	tag := "!!str"
	switch {
	case y.Month == 0:
		tag = "!!int"
	case y.Day != 0:
		tag = "!!timestamp"
	}
	return &yaml.Node{Kind: yaml.ScalarNode, Tag: tag, Value: y.String()}
}

// Month is a calendar month; months compare as (year, month).
type Month struct {
	Year  int
	Month int // 1–12
}

// MonthOf is the month of a date.
func MonthOf(d Date) Month { return Month{Year: d.Year(), Month: int(d.Month())} }

// String formats the month as 2027-12.
func (m Month) String() string { return fmt.Sprintf("%04d-%02d", m.Year, m.Month) }

// Before reports whether m is an earlier month than o.
func (m Month) Before(o Month) bool { return m.index() < o.index() }

// AddMonths is the month n months later (earlier for negative n).
func (m Month) AddMonths(n int) Month { return monthAt(m.index() + n) }

func (m Month) index() int { return m.Year*12 + m.Month - 1 }

func monthAt(i int) Month {
	y := i / 12
	if i%12 < 0 {
		y--
	}
	return Month{Year: y, Month: i - y*12 + 1}
}
