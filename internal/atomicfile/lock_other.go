//go:build !(linux || darwin || freebsd || netbsd || openbsd || dragonfly)

package atomicfile

import "os"

// lock does nothing where flock is missing: on Windows a file open for
// writing cannot be removed, which protects it as well.
func lock(*os.File) (unlock func()) { return func() {} }

// removeUnlocked removes path; on Windows this fails while a live
// process still has it open.
func removeUnlocked(path string) { os.Remove(path) }
