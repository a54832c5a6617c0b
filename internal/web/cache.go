package web

import (
	"context"
	"errors"
	"sync"
	"time"
)

// errBusy is the answer when every job slot stays taken too long.
var errBusy = errors.New("le serveur prépare déjà d’autres documents : réessayez dans une minute")

// jobs bounds the documents made at once: each takes a core.
type jobs struct {
	slots chan struct{}
	wait  time.Duration // how long a request waits for a slot
}

func (j *jobs) run(ctx context.Context, f func() error) error {
	t := time.NewTimer(j.wait)
	defer t.Stop()
	select {
	case j.slots <- struct{}{}:
	case <-t.C:
		return errBusy
	case <-ctx.Done():
		return ctx.Err()
	}
	defer func() { <-j.slots }()
	return f()
}

// products keeps the last documents made, so that the preview's images
// and the download of what was just previewed do not make it again. Two
// requests for the same document wait for one making.
type products struct {
	mu      sync.Mutex
	entries map[string]*making
	order   []string // least recently used first
	max     int
}

type making struct {
	done chan struct{}
	p    *Product
	err  error
}

func newProducts(max int) *products { return &products{entries: map[string]*making{}, max: max} }

func (c *products) get(key string, build func() (*Product, error)) (*Product, error) {
	c.mu.Lock()
	m, ok := c.entries[key]
	if ok {
		c.touch(key)
		c.mu.Unlock()
		<-m.done
		return m.p, m.err
	}
	m = &making{done: make(chan struct{})}
	c.entries[key] = m
	c.order = append(c.order, key)
	for len(c.order) > c.max {
		delete(c.entries, c.order[0])
		c.order = c.order[1:]
	}
	c.mu.Unlock()

	m.p, m.err = build()
	close(m.done)
	if m.err != nil { // a failure is not kept: the next request tries again
		c.mu.Lock()
		if c.entries[key] == m {
			delete(c.entries, key)
			c.remove(key)
		}
		c.mu.Unlock()
	}
	return m.p, m.err
}

func (c *products) touch(key string) {
	c.remove(key)
	c.order = append(c.order, key)
}

func (c *products) remove(key string) {
	for i, k := range c.order {
		if k == key {
			c.order = append(c.order[:i], c.order[i+1:]...)
			return
		}
	}
}
