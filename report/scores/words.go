package scores

import (
	"fmt"
	"strings"
	"time"

	"github.com/sirkel/sirkel/assessment"
	"github.com/sirkel/sirkel/assessment/lang"
)

// Words the outputs share: months, small counts and lists in running
// text, in the printer's language.

// items splits a catalogue message that lists words, «a, b, c».
func items(list string) []string { return strings.Split(list, ", ") }

// MonthName is a month 1–12 as in running text: «desember».
func MonthName(p *lang.Printer, month int) string {
	names := items(p.T("month-names"))
	if month < 1 || month > len(names) {
		return fmt.Sprint(month)
	}
	return names[month-1]
}

// MonthText writes a month as in running text: «desember 2027».
func MonthText(p *lang.Printer, m assessment.Month) string {
	return fmt.Sprintf("%s %d", MonthName(p, m.Month), m.Year)
}

// DateText writes a date as in running text: «20. november 2026».
func DateText(p *lang.Printer, t time.Time) string {
	return fmt.Sprintf("%d. %s %d", t.Day(), MonthName(p, int(t.Month())), t.Year())
}

// CountWord writes a small count in words, as prose does, in the neuter
// («ett spørsmål»); from 13 on in digits.
func CountWord(p *lang.Printer, n int) string {
	words := items(p.T("count-words"))
	if n >= 0 && n < len(words) {
		return words[n]
	}
	return fmt.Sprint(n)
}

// JoinAnd joins items as a sentence lists them: «a», «a og b», «a, b og
// c».
func JoinAnd(p *lang.Printer, items []string) string {
	switch len(items) {
	case 0:
		return ""
	case 1:
		return items[0]
	}
	return p.T("list-and", "Items", strings.Join(items[:len(items)-1], ", "), "Last", items[len(items)-1])
}

// UncertainText says that a total rests on too few answers and how few:
// «usikker – bare 14 % besvart»; share is already formatted.
func UncertainText(p *lang.Printer, share string) string {
	return p.T("uncertain-share", "Share", share)
}

// TopGapsTitle heads a list of the n most important actions: «De fem
// viktigste tiltakene»; above ten the count is in digits.
func TopGapsTitle(p *lang.Printer, n int) string {
	words := fmt.Sprint(n)
	if n <= 10 {
		words = CountWord(p, n)
	}
	return p.T("top-actions", "Count", n, "Words", words)
}
