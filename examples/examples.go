// Package examples embeds the example dataset livret uses when no source
// is given: 387 real places of Nouvelle-Aquitaine from the national file
// published by ANCT in 2023 (see SOURCES.md).
package examples

import (
	"bytes"
	_ "embed"

	"livret/source"
)

//go:embed nouvelle-aquitaine.json
var data []byte

// Name is the name the example dataset goes by in messages.
const Name = "exemple intégré (nouvelle-aquitaine.json, 2023)"

// Open returns a reader of the example dataset.
func Open() (*source.Reader, error) {
	return source.NewReader(bytes.NewReader(data), Name, source.Options{})
}
