package web

import (
	"crypto/rand"
	"encoding/hex"
	"sync"
	"time"
)

// store holds the files sent to the page, in memory only, under random
// names: no value from the client ever names a file of the server. Files
// are forgotten after a while, the oldest first when memory is short.
type store struct {
	mu    sync.Mutex
	files map[string]*kept
	total int64
	max   int64         // bytes held at most
	keep  time.Duration // how long an unused file is kept
	now   func() time.Time
}

type kept struct {
	file *File
	used time.Time
}

func newStore(max int64, keep time.Duration) *store {
	return &store{files: map[string]*kept{}, max: max, keep: keep, now: time.Now}
}

// put keeps a file and returns its name.
func (s *store) put(f *File) string {
	var b [16]byte
	rand.Read(b[:])
	id := hex.EncodeToString(b[:])
	s.mu.Lock()
	defer s.mu.Unlock()
	s.files[id] = &kept{file: f, used: s.now()}
	s.total += int64(len(f.Data))
	s.expire()
	return id
}

// get returns a file kept, and keeps it longer.
func (s *store) get(id string) (*File, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.expire()
	k, ok := s.files[id]
	if !ok {
		return nil, false
	}
	k.used = s.now()
	return k.file, true
}

// expire forgets the files unused for too long, then the oldest until
// the others fit.
func (s *store) expire() {
	for id, k := range s.files {
		if s.now().Sub(k.used) > s.keep {
			s.drop(id)
		}
	}
	for s.total > s.max && len(s.files) > 1 {
		oldest := ""
		for id, k := range s.files {
			if oldest == "" || k.used.Before(s.files[oldest].used) {
				oldest = id
			}
		}
		s.drop(oldest)
	}
}

func (s *store) drop(id string) {
	s.total -= int64(len(s.files[id].file.Data))
	delete(s.files, id)
}

// clear forgets every file.
func (s *store) clear() {
	s.mu.Lock()
	defer s.mu.Unlock()
	clear(s.files)
	s.total = 0
}

// len is the number of files kept.
func (s *store) len() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return len(s.files)
}
