package pdf

import (
	"bytes"
	"fmt"
	"slices"
	"strconv"
)

// The tagging update is most of a national guide's objects: close to a
// million small dictionaries. Written one by one with a classic
// cross-reference table, they take twice the room of the pages they tag;
// packed a few hundred to a compressed object stream, with a
// cross-reference stream to find them (PDF 1.5, ISO 32000-1 §7.5.7 and
// §7.5.8), a tenth of it.

// perStream is the number of objects of an object stream: enough for
// deflate to find the repetitions of small dictionaries, few enough that a
// reader looking for one object inflates little.
const perStream = 200

// xrefWriter writes objects in object streams at the end of a file, then
// the cross-reference stream that indexes them.
type xrefWriter struct {
	out     *counter
	next    int // next free object number
	entries []xrefEntry
	buf     []byte
}

// xrefEntry is an entry of a cross-reference stream: type 1 for an object
// at an offset (f2), type 2 for the f3-th object of object stream f2.
type xrefEntry struct {
	num, typ, f2, f3 int
}

// packed writes the objects made by object(b, k) for k < total, in object
// streams made and compressed on every core: object appends the body of
// the k-th object to b and returns its number. Which object goes in which
// stream depends on k alone: the file does not depend on the machine.
func (x *xrefWriter) packed(total int, object func(b []byte, k int) (int, []byte, error)) error {
	streams := (total + perStream - 1) / perStream
	first := x.next
	x.next += streams
	// Sized once: a national guide's million entries grown by doubling
	// would allocate three times what they hold.
	x.entries = slices.Grow(x.entries, streams+total+1) // and the cross-reference stream's own
	workers, slots := parallel()
	type result struct {
		nums       []int
		head, body []byte
		buf        bytes.Buffer
		z          []byte
		err        error
	}
	res := make([]result, slots)
	return inOrder(streams, workers, slots, func(slot, s int) {
		r := &res[slot]
		r.nums, r.head, r.body, r.err = r.nums[:0], r.head[:0], r.body[:0], nil
		for k := s * perStream; k < min(total, (s+1)*perStream); k++ {
			at := len(r.body)
			num, b, err := object(r.body, k)
			if err != nil {
				r.err = err
				return
			}
			r.body = append(b, '\n')
			r.nums = append(r.nums, num)
			r.head = strconv.AppendInt(r.head, int64(num), 10)
			r.head = append(r.head, ' ')
			r.head = strconv.AppendInt(r.head, int64(at), 10)
			r.head = append(r.head, ' ')
		}
		r.z = deflate(&r.buf, r.head, r.body)
	}, func(slot, s int) error {
		r := &res[slot]
		if r.err != nil {
			return r.err
		}
		num := first + s
		x.entries = append(x.entries, xrefEntry{num: num, typ: 1, f2: x.out.n})
		for i, n := range r.nums {
			x.entries = append(x.entries, xrefEntry{num: n, typ: 2, f2: num, f3: i})
		}
		b := fmt.Appendf(x.buf[:0], "%d 0 obj\n<</Type /ObjStm /N %d /First %d /Filter /FlateDecode /Length %d>>\nstream\n",
			num, len(r.nums), len(r.head), len(r.z))
		x.out.Write(b)
		x.out.Write(r.z)
		x.out.Write([]byte("\nendstream\nendobj\n"))
		x.buf = b
		return x.out.err
	})
}

// finish writes the cross-reference stream, with the trailer's keys
// (" /Root 5 0 R …"), and the end of the file.
func (x *xrefWriter) finish(keys string) error {
	num := x.next
	x.next++
	at := x.out.n
	x.entries = append(x.entries, xrefEntry{num: num, typ: 1, f2: at})
	slices.SortFunc(x.entries, func(a, b xrefEntry) int { return a.num - b.num })
	w2, w3 := 1, 1
	for _, e := range x.entries {
		w2, w3 = max(w2, byteWidth(e.f2)), max(w3, byteWidth(e.f3))
	}
	// Rows with the PNG Up predictor: each row the difference with the
	// one above, mostly zeros as offsets and indexes grow slowly.
	cols := 1 + w2 + w3
	rows := make([]byte, 0, len(x.entries)*(cols+1))
	prev := make([]byte, cols)
	row := make([]byte, cols)
	var index []byte
	for i, e := range x.entries {
		if i == 0 || e.num != x.entries[i-1].num+1 {
			if i > 0 {
				index = append(index, ' ')
			}
			n := 1
			for i+n < len(x.entries) && x.entries[i+n].num == e.num+n {
				n++
			}
			index = strconv.AppendInt(index, int64(e.num), 10)
			index = append(index, ' ')
			index = strconv.AppendInt(index, int64(n), 10)
		}
		row[0] = byte(e.typ)
		putBE(row[1:1+w2], e.f2)
		putBE(row[1+w2:], e.f3)
		rows = append(rows, 2)
		for j := range row {
			rows = append(rows, row[j]-prev[j])
		}
		prev, row = row, prev
	}
	var buf bytes.Buffer
	data := deflate(&buf, rows)
	b := fmt.Appendf(x.buf[:0], "%d 0 obj\n<</Type /XRef /Size %d /Index [%s] /W [1 %d %d] %s /Filter /FlateDecode"+
		" /DecodeParms <</Predictor 12 /Columns %d>> /Length %d>>\nstream\n", num, x.next, index, w2, w3, keys, cols, len(data))
	x.out.Write(b)
	x.out.Write(data)
	x.out.Write(fmt.Appendf(b[:0], "\nendstream\nendobj\nstartxref\n%d\n%%%%EOF\n", at))
	return x.out.err
}

// byteWidth is the number of bytes v takes, big-endian.
func byteWidth(v int) int {
	n := 0
	for ; v > 0; v >>= 8 {
		n++
	}
	return n
}

// putBE writes v big-endian over b.
func putBE(b []byte, v int) {
	for i := len(b) - 1; i >= 0; i-- {
		b[i] = byte(v)
		v >>= 8
	}
}
