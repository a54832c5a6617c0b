package layout

// iconAlt is the alternative text of a pictogram. TEMPORARY until package
// picto lands.
func iconAlt(name string) string { return name }
