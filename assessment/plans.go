package assessment

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"time"

	"github.com/sirkel/sirkel/assessment/lang"
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
		d.Error(n, path, lang.M("yaml-expected", "Want", lang.M("plan-status-a-mapping"), "Found", strictyaml.Describe(n)))
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
			d.Error(kn, fp, lang.M("yaml-unknown-key", "Key", k, "Keys", strings.Join(planStatusKeys, ", "), "Meant", strictyaml.Meant(k, planStatusKeys)))
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
// rule for every input; on anything else it returns a message in bokmål
// naming the accepted forms.
func ParseYearMonth(s string, allowDay bool) (YearMonth, string) {
	y, msg := parseYearMonth(s, allowDay)
	return y, msg.String()
}

// ParseYearMonthMsg is ParseYearMonth with the message not yet rendered:
// the zero Msg when s is valid.
func ParseYearMonthMsg(s string, allowDay bool) (YearMonth, lang.Msg) {
	return parseYearMonth(s, allowDay)
}

// parseYearMonth is ParseYearMonth with the message from the catalogues;
// the zero Msg when s is valid.
func parseYearMonth(s string, allowDay bool) (YearMonth, lang.Msg) {
	m := reYearMonth.FindStringSubmatch(s)
	if m == nil || (m[3] != "" && !allowDay) {
		return YearMonth{}, lang.M("when-invalid", "Value", quoteVal(s), "Forms", yearMonthForms(allowDay))
	}
	y := YearMonth{}
	y.Year, _ = strconv.Atoi(m[1])
	if y.Year == 0 {
		return YearMonth{}, lang.M("when-invalid-year", "Value", quoteVal(s), "Forms", yearMonthForms(allowDay))
	}
	if m[2] != "" {
		y.Month, _ = strconv.Atoi(m[2])
		if y.Month < 1 || y.Month > 12 {
			return YearMonth{}, lang.M("when-invalid-month", "Value", quoteVal(s), "Forms", yearMonthForms(allowDay))
		}
	}
	if m[3] != "" {
		if _, err := time.Parse(time.DateOnly, s); err != nil {
			return YearMonth{}, lang.M("when-invalid-day", "Value", quoteVal(s), "Forms", yearMonthForms(allowDay))
		}
		y.Day, _ = strconv.Atoi(m[3])
	}
	return y, lang.Msg{}
}

func yearMonthForms(allowDay bool) lang.Msg {
	if allowDay {
		return lang.M("when-forms-with-date")
	}
	return lang.M("when-forms")
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
		d.Error(n, path, lang.M("when-expected", "Found", strictyaml.Describe(n), "Forms", yearMonthForms(allowDay)))
		return
	}
	v, msg := parseYearMonth(n.Value, allowDay)
	if msg.ID != "" {
		d.Error(n, path, msg)
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
