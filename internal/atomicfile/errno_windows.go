package atomicfile

import (
	"errors"
	"syscall"
)

// Windows error codes a write commonly meets (winerror.h).
const (
	errorWriteProtect       syscall.Errno = 19
	errorHandleDiskFull     syscall.Errno = 39
	errorDiskFull           syscall.Errno = 112
	errorFilenameExcedRange syscall.Errno = 206
)

// systemCause says in French the system errors a write commonly meets.
func systemCause(err error) string {
	switch {
	case errors.Is(err, errorDiskFull), errors.Is(err, errorHandleDiskFull):
		return "disque plein\u00a0: libérez de la place ou écrivez ailleurs"
	case errors.Is(err, errorWriteProtect):
		return "disque protégé en écriture\u00a0: écrivez dans un autre dossier"
	case errors.Is(err, errorFilenameExcedRange):
		return "nom de fichier trop long"
	}
	return ""
}
