// Package guide composes what a printed guide says, from the places the
// user selected: sections, entries, the words of every line. It knows
// nothing of pages or fonts; package layout places what it says on paper.
package guide
