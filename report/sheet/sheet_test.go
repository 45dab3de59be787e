package sheet

import (
	"strings"
	"testing"
)

func TestTextHeightGrowsWithText(t *testing.T) {
	short := TextHeight("Kort.", 40, 11)
	long := TextHeight(strings.Repeat("ganske lang tekst ", 20), 40, 11)
	if short >= long {
		t.Errorf("short %v, long %v", short, long)
	}
	if lineCount(strings.Repeat("x", 100), 10, 11) < 9 {
		t.Error("a word longer than the column wraps onto several lines")
	}
}

// A streamed row gets the height FitCells gives a row of the same texts.
func TestFitRowOptsLikeCellsHeight(t *testing.T) {
	cols := []Column{{Title: "a", Width: 10}, {Title: "b", Width: 30}}
	long := strings.Repeat("ord ", 20)
	if got := FitRowOpts(cols, map[int]string{1: "kort"}); got.Height != 0 {
		t.Errorf("one line: height %v, want the default", got.Height)
	}
	got := FitRowOpts(cols, map[int]string{0: long})
	if want := CellsHeight(cols, []any{long, "kort"}); got.Height != want || want <= DefaultRowHeight {
		t.Errorf("height %v, want %v", got.Height, want)
	}
}

// User text in a page header cannot start a control code or run past
// Excel's limit.
func TestHeaderText(t *testing.T) {
	if got := headerText("&L", "Lie & Co", "&R&A"); got != "&LLie && Co&R&A" {
		t.Errorf("header %q", got)
	}
	got := headerText("&L", strings.Repeat("&", 400), "&R&A")
	if n := len([]rune(got)); n > maxHeaderText {
		t.Errorf("header of %d characters", n)
	}
}

func TestTruncate(t *testing.T) {
	if got := Truncate("Øyer", 4); got != "Øyer" {
		t.Errorf("%q", got)
	}
	if got := Truncate("Lillehammer", 5); got != "Lill…" {
		t.Errorf("%q", got)
	}
}
