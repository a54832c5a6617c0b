// Package png draws the first pages of a laid-out book (package layout) as
// PNG images, so that a user can check a guide on screen before printing
// it.
//
// It draws the same items as package render/pdf, with the same meaning, and
// makes no layout decision: text runs with the book's fonts and the PDF's
// advance widths (no kerning, as in the PDF), filled rectangles with
// rounded corners, pictograms filled with the nonzero rule, and QR codes
// whose modules are snapped to whole pixels so that they stay crisp. Text
// and shapes are anti-aliased. It needs no external program.
package png
