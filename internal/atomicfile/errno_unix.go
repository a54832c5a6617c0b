//go:build unix

package atomicfile

import (
	"errors"
	"syscall"
)

// systemCause says in French the system errors a write commonly meets.
func systemCause(err error) string {
	switch {
	case errors.Is(err, syscall.ENOSPC):
		return "disque plein\u00a0: libérez de la place ou écrivez ailleurs"
	case errors.Is(err, syscall.EDQUOT):
		return "quota de disque dépassé\u00a0: libérez de la place ou écrivez ailleurs"
	case errors.Is(err, syscall.EROFS):
		return "disque en lecture seule\u00a0: écrivez dans un autre dossier"
	case errors.Is(err, syscall.EISDIR):
		return "c’est un dossier"
	case errors.Is(err, syscall.ENAMETOOLONG):
		return "nom de fichier trop long"
	case errors.Is(err, syscall.EIO):
		return "erreur d’entrée-sortie du disque"
	}
	return ""
}
