// Package web is livret's web page, for the agents who never open a
// terminal: a French form made from the option table, previews, the
// check report, and downloads at stable addresses that mirror the
// command line (/guide.pdf?epci=Bordeaux+Métropole&format=A5).
//
// The page only gathers requests and shows results; an Engine, given by
// the command, makes the documents with the same pipeline as the command
// line. Safe by default: no value from the client names a file of the
// server, files sent are held in memory and forgotten, requests are
// bounded in size, rows, time and number.
package web

// File is a file sent to the page, held in memory.
type File struct {
	Name string // as the client named it, for messages only
	Data []byte
}
