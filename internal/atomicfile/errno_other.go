//go:build !unix && !windows

package atomicfile

// systemCause knows no system errors here: they are shown as they are.
func systemCause(error) string { return "" }
