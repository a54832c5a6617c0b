// Package layout places what a guide says on pages, the way a typesetter
// would: every block is measured before it is placed, a place's entry is
// kept on one page, lines break only where French typography allows, and
// the table of contents and the index get their page numbers from a second
// pass over the finished pages.
//
// The result, a Book, is a list of pages of positioned items (text runs,
// pictograms, rectangles, QR codes) with the logical structure of the
// document (headings, paragraphs, lists, links, figures) that a tagged PDF
// needs. Renderers (package rendu/pdf, rendu/png) only draw a Book; they
// make no layout decision.
//
// All measures are in PDF points (1/72 inch); y grows downwards from the
// top of the page.
package layout
