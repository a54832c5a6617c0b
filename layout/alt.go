package layout

import "livret/picto"

// iconAlt is the alternative text of a pictogram, for screen readers.
func iconAlt(name string) string {
	if ic, ok := picto.Lookup(name); ok {
		return ic.Alt
	}
	return ""
}
