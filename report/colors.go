package report

import (
	"github.com/sirkel/sirkel/report/sheet"
	"github.com/xuri/excelize/v2"
)

// Colours of scores and charts. The scale is blue–orange, which people
// with the common forms of colour blindness tell apart, and light enough
// that black text on it keeps good contrast (WCAG AA).
const (
	scaleLow      = "F1A340" // orange: far from the target
	scaleMid      = "F7F7F7"
	scaleHigh     = "67A9CF" // blue: close to the target
	chartNow      = "2166AC"
	chartBaseline = "E08214"
)

// Fills of the plan groups: a plan's heading is the shared band colour,
// a sub-plan's a lighter blue, so that it reads as part of its parent.
const (
	bandFill    = "DDEBF7" // as sheet's group headings
	subBandFill = "EEF5FB"
	// uncertainFill marks an uncertain total, as sheet marks a missing
	// value; the words say it.
	uncertainFill = "FBE5D6"
)

// countFills is the sequential blue scale of the Årshjul's counts, light
// to dark; the count is always printed in the cell, and black text keeps
// good contrast (WCAG AA) on every step.
var countFills = [...]string{"DEEBF7", "C6DBEF", "9ECAE1", "6BAED6"}

// countSteps are the least counts of each step of countFills.
var countSteps = [...]int{1, 2, 4, 7}

// countFill is the step of countFills for a count above 0.
func countFill(n int) int {
	i := 0
	for i+1 < len(countSteps) && n >= countSteps[i+1] {
		i++
	}
	return i
}

// colorScale is the 3-colour scale of the score cells: fixed at 0, 50 and
// 100 so that the same colour means the same score in every table.
func colorScale() []excelize.ConditionalFormatOptions {
	return []excelize.ConditionalFormatOptions{{
		Type: "3_color_scale", Criteria: "=",
		MinType: "num", MinValue: "0", MinColor: "#" + scaleLow,
		MidType: "num", MidValue: "50", MidColor: "#" + scaleMid,
		MaxType: "num", MaxValue: "100", MaxColor: "#" + scaleHigh,
	}}
}

// reportStyles are the styles of the municipality report beyond the
// shared ones.
type reportStyles struct {
	// Headings, descriptions and facts of a plan group, for a plan of its
	// own (facts) and for a sub-plan (sub…).
	subBand, subBandNote, facts, subFacts int
	// A sub-plan's name in a table, indented under its parent.
	textSub int
	// The Årshjul's counts, by step of countFills.
	counts [len(countFills)]int
	// A count of all plans, bold and without a fill.
	countTotal int
	// The note under a total that rests on too few answers: bold, on the
	// light orange of a missing value, and always in words.
	uncertain int
}

// newReportStyles adds the report's own styles, always in the same order
// so that the same inputs give the same file.
func newReportStyles(b *sheet.Book) reportStyles {
	thin := []excelize.Border{{Type: "bottom", Color: sheet.ColorLine, Style: 1}}
	font := func(size float64, bold, italic bool, color string) *excelize.Font {
		return &excelize.Font{Family: "Calibri", Size: size, Bold: bold, Italic: italic, Color: color}
	}
	wrapTop := func(indent int) *excelize.Alignment {
		// An indent shows only on left-aligned text.
		return &excelize.Alignment{WrapText: true, Vertical: "top", Horizontal: "left", Indent: indent}
	}
	s := reportStyles{
		subBand: b.Style(&excelize.Style{Font: font(11, true, false, sheet.ColorNavy), Fill: sheet.Solid(subBandFill),
			Alignment: &excelize.Alignment{Vertical: "center", Horizontal: "left", WrapText: true, Indent: 2}}),
		subBandNote: b.Style(&excelize.Style{Font: font(10, false, true, sheet.ColorInk), Fill: sheet.Solid(subBandFill), Alignment: wrapTop(2)}),
		facts:       b.Style(&excelize.Style{Font: font(10, false, false, sheet.ColorInk), Fill: sheet.Solid(bandFill), Alignment: wrapTop(0)}),
		subFacts:    b.Style(&excelize.Style{Font: font(10, false, false, sheet.ColorInk), Fill: sheet.Solid(subBandFill), Alignment: wrapTop(2)}),
		textSub:     b.Style(&excelize.Style{Font: font(11, false, false, sheet.ColorInk), Border: thin, Alignment: wrapTop(2)}),
		countTotal: b.Style(&excelize.Style{Font: font(11, true, false, sheet.ColorInk), Border: thin,
			Alignment: &excelize.Alignment{Horizontal: "center", Vertical: "top"}}),
	}
	s.uncertain = b.Style(&excelize.Style{Font: font(11, true, false, sheet.ColorInk), Fill: sheet.Solid(uncertainFill),
		Alignment: &excelize.Alignment{Vertical: "top"}})
	for i, c := range countFills {
		s.counts[i] = b.Style(&excelize.Style{Font: font(11, true, false, sheet.ColorInk), Fill: sheet.Solid(c),
			Border:    []excelize.Border{{Type: "bottom", Color: sheet.ColorLine, Style: 1}, {Type: "left", Color: "FFFFFF", Style: 1}, {Type: "right", Color: "FFFFFF", Style: 1}},
			Alignment: &excelize.Alignment{Horizontal: "center", Vertical: "center"}})
	}
	return s
}
