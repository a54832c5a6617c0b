// Package pdfua checks a PDF file against the machine-checkable rules of
// PDF/UA-1 (ISO 14289-1) that apply to the documents livret writes, under
// the numbers veraPDF's PDF/UA-1 profile gives them: metadata, tagging of
// page and Form XObject content, the parent tree against the structure
// and the content, the role map, list, table and contents containment,
// links and their OBJR, and fonts, whose ToUnicode CMaps are parsed as a
// strict reader parses them and held against the codes actually shown.
// It reads files with pdfcpu, an independent parser, so that livret's
// writer is not checked by its own code. Command internal/tools/pdfua runs
// it on files.
//
// It is not a full validator: human checks of the Matterhorn Protocol
// (meaningful alternative texts, logical reading order) remain for a
// person with PAC or veraPDF; see the README.
package pdfua
