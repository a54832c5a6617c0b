// Package pdfua checks a PDF file against the machine-checkable rules of
// PDF/UA-1 (ISO 14289-1) that apply to the documents livret writes: the
// rules veraPDF's PDF/UA-1 profile implements for tagging, metadata,
// structure, links and fonts. It reads files with pdfcpu, an independent
// parser, so that livret's writer is not checked by its own code.
//
// It is not a full validator: human checks of the Matterhorn Protocol
// (meaningful alternative texts, logical reading order) remain for a
// person with PAC or veraPDF; see the README.
package pdfua
