// Package export writes a selection of places for other tools: a
// spreadsheet for people (XLSX), and the standard's own 1.x format (CSV and
// JSON) for machines, so that a hub can republish the data livret cleaned.
//
// The spreadsheet is meant to be read and filtered: one row per place,
// French column headers, a frozen header row with an auto-filter, phone
// numbers and opening hours already written the French way. Text is never
// taken for a formula: every string is stored as a string cell, and those a
// spreadsheet would read as a formula once edited (starting with = + - @)
// get the Text number format, so that they stay text (see [Workbook]).
// The workbook reads back as a source: besides the columns for people it
// has the rest of the standard (the hours as the standard writes them, the
// presentation, the types…) and the columns outside the standard, so that
// `livret guide --source lieux.xlsx` prints the guide it was made from;
// package lieu maps its French headers onto the standard.
//
// The CSV and JSON files follow schema 1.x of the standard « lieux de
// médiation numérique »: its 32 columns in its order, lists joined with
// "|", then the columns outside the standard that the source had.
package export
