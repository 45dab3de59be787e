// Package report writes the Excel workbooks that leaders read: the
// report of one municipality's assessment (WriteReport) and the
// comparison of many municipalities (Comparison).
package report
