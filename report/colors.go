package report

import "github.com/xuri/excelize/v2"

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
