package source

import (
	"context"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"time"

	"livret/internal/cleanup"
)

// Cache keeps the copies of downloaded sources in a folder, each with its
// date and what the server said of it (ETag, Last-Modified), so that the
// next download asks only whether it changed, and that livret works from
// the copy when the network fails.
type Cache struct {
	Dir string
	Now func() time.Time // nil means time.Now
}

// CacheEnv names the environment variable that chooses the cache folder.
const CacheEnv = "LIVRET_CACHE"

// UserCache is the cache in the user's cache folder (~/.cache/livret,
// %LocalAppData%\livret), or the folder CacheEnv names.
func UserCache() (*Cache, error) {
	if dir := os.Getenv(CacheEnv); dir != "" {
		return &Cache{Dir: dir}, nil
	}
	dir, err := os.UserCacheDir()
	if err != nil {
		return nil, newError("cache", Position{}, err, "impossible de trouver le dossier de cache de l’utilisateur ; choisissez-en un avec la variable %s", CacheEnv)
	}
	return &Cache{Dir: filepath.Join(dir, "livret")}, nil
}

// Copy is a copy of a source in the cache.
type Copy struct {
	Path       string    // the file
	Name       string    // the file name the server gave
	URL        string    // where it comes from
	Downloaded time.Time // when its content was downloaded
	Checked    time.Time // when the server last said it was current
	// How says what Get did: downloaded, found unchanged, or used
	// because the network failed.
	How CopyHow
	// Problem, when How is Offline, says in French why the download
	// failed.
	Problem string
	Size    int64
}

// CopyHow says how Get got a copy.
type CopyHow int

const (
	Downloaded CopyHow = iota + 1 // a new copy was downloaded
	Unchanged                     // the server says the copy is current
	Offline                       // the download failed: the copy is the last one kept
)

// meta is what the cache knows of a copy, next to it.
type meta struct {
	URL          string    `json:"url"`
	Name         string    `json:"name"`
	File         string    `json:"file"`
	ETag         string    `json:"etag,omitempty"`
	LastModified string    `json:"last_modified,omitempty"`
	Downloaded   time.Time `json:"downloaded"`
	Checked      time.Time `json:"checked"`
}

func (c *Cache) now() time.Time {
	if c.Now != nil {
		return c.Now()
	}
	return time.Now()
}

// Get returns the current copy of the source at url, kept under key
// (« national »): downloaded again only if the server says it changed,
// the last copy when the download fails. A copy is replaced only once the
// new one is complete: the cache never holds a half-written file.
func (c *Cache) Get(ctx context.Context, key, url string, opt Options) (Copy, error) {
	metaPath := filepath.Join(c.Dir, key+".json")
	var m meta
	have := false
	if b, err := os.ReadFile(metaPath); err == nil && json.Unmarshal(b, &m) == nil && m.File != "" {
		fi, err := os.Stat(filepath.Join(c.Dir, m.File))
		have = err == nil && fi.Mode().IsRegular()
	}
	copyOf := func(how CopyHow) Copy {
		cp := Copy{Path: filepath.Join(c.Dir, m.File), Name: m.Name, URL: m.URL, Downloaded: m.Downloaded, Checked: m.Checked, How: how}
		if fi, err := os.Stat(cp.Path); err == nil {
			cp.Size = fi.Size()
		}
		return cp
	}
	if err := os.MkdirAll(c.Dir, 0o755); err != nil {
		return Copy{}, newError(c.Dir, Position{}, err, "impossible de créer le dossier de cache")
	}
	if have && m.URL == url {
		opt.Download.ETag, opt.Download.LastModified = m.ETag, m.LastModified
	}
	tmp, err := os.CreateTemp(c.Dir, "."+key+"-*.part")
	if err != nil {
		return Copy{}, newError(c.Dir, Position{}, err, "impossible d’écrire dans le dossier de cache")
	}
	untrack := cleanup.Track(tmp.Name())
	defer func() {
		os.Remove(tmp.Name()) // fails once renamed into place
		untrack()
	}()
	got, err := Fetch(ctx, url, tmp, opt)
	if err == nil {
		err = tmp.Sync()
	}
	if cerr := tmp.Close(); err == nil {
		err = cerr
	}
	now := c.now()
	switch {
	case err != nil && ctx.Err() != nil:
		return Copy{}, err
	case err != nil && have:
		cp := copyOf(Offline)
		var e *Error
		if errors.As(err, &e) {
			cp.Problem = e.Msg
		} else {
			cp.Problem = err.Error()
		}
		return cp, nil
	case err != nil:
		var e *Error
		if errors.As(err, &e) {
			e.Msg += " ; aucune copie n’est encore gardée : le premier téléchargement demande une connexion"
		}
		return Copy{}, err
	case got.NotModified:
		m.Checked = now
		return copyOf(Unchanged), c.writeMeta(metaPath, m)
	}
	file := key + strings.ToLower(filepath.Ext(got.Name))
	if filepath.Ext(file) == "" || strings.ContainsAny(filepath.Ext(file), `/\`) {
		file = key + ".data"
	}
	if err := os.Rename(tmp.Name(), filepath.Join(c.Dir, file)); err != nil {
		return Copy{}, newError(c.Dir, Position{}, err, "impossible de ranger le fichier téléchargé dans le cache")
	}
	if have && m.File != file {
		os.Remove(filepath.Join(c.Dir, m.File))
	}
	m = meta{URL: url, Name: got.Name, File: file, ETag: got.ETag, LastModified: got.LastModified, Downloaded: now, Checked: now}
	return copyOf(Downloaded), c.writeMeta(metaPath, m)
}

// writeMeta writes what the cache knows of a copy, whole or not at all.
func (c *Cache) writeMeta(path string, m meta) error {
	b, err := json.MarshalIndent(m, "", "  ")
	if err != nil {
		return err
	}
	tmp := path + ".part"
	if err := os.WriteFile(tmp, b, 0o644); err != nil {
		return newError(c.Dir, Position{}, err, "impossible d’écrire dans le dossier de cache")
	}
	if err := os.Rename(tmp, path); err != nil {
		os.Remove(tmp)
		return newError(c.Dir, Position{}, err, "impossible d’écrire dans le dossier de cache")
	}
	return nil
}

// OpenCopy opens a copy of the cache; name is used in messages.
func OpenCopy(cp Copy, name string, opt Options) (*Reader, error) {
	return openFile(cp.Path, name, opt)
}
