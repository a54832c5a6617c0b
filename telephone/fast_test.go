package telephone

import (
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"reflect"
	"strconv"
	"testing"
)

type phoneCell struct {
	Phone  string `json:"telephone"`
	INSEE  string `json:"code_insee"`
	Postal string `json:"code_postal"`
}

// nationalPhones reads the phone cells of a real national file.
func nationalPhones(t testing.TB) []phoneCell {
	const path = "../../shared/data/mednum-cli/5c7c8a2-2023-02-06/data-inclusion.json"
	data, err := os.ReadFile(path)
	if errors.Is(err, os.ErrNotExist) {
		t.Skipf("%s absent : le fichier national réel n’est pas là", path)
	}
	if err != nil {
		t.Fatal(err)
	}
	var places []phoneCell
	if err := json.Unmarshal(data, &places); err != nil {
		t.Fatal(err)
	}
	return places
}

// BenchmarkParseAllFastPath reads the phone cells of a real national file with
// the fast path and with the library's parser alone, each cell once
// (no memo).
//
//	go test ./telephone -run '^$' -bench ParseAllFastPath -benchmem
func BenchmarkParseAllFastPath(b *testing.B) {
	places := nationalPhones(b)
	for _, on := range []bool{true, false} {
		name := "fast"
		if !on {
			name = "library"
		}
		b.Run(name, func(b *testing.B) {
			fast = on
			defer func() { fast = true }()
			for b.Loop() {
				for _, p := range places {
					parseAll(p.Phone, regionFor(p.INSEE))
				}
			}
		})
	}
}

// TestFastPathAsLibrary checks that the fast path reads every phone cell
// of a real national file (data-inclusion, February 2023) as the library's
// parser does: same numbers, same errors.
func TestFastPathAsLibrary(t *testing.T) {
	places := nationalPhones(t)
	parse := func(on bool, cell, territory string) ([]Number, string) {
		fast = on
		defer func() { fast = true }()
		nums, err := parseAll(cell, regionFor(territory))
		if err != nil {
			return nums, err.Error()
		}
		return nums, ""
	}
	cells, quick := 0, 0
	for _, p := range places {
		if p.Phone == "" {
			continue
		}
		cells++
		territory := p.INSEE
		if territory == "" {
			territory = p.Postal
		}
		got, gotErr := parse(true, p.Phone, territory)
		want, wantErr := parse(false, p.Phone, territory)
		if !reflect.DeepEqual(got, want) || gotErr != wantErr {
			t.Errorf("%q (%s): fast path %v %q, library %v %q", p.Phone, territory, got, gotErr, want, wantErr)
		}
		d := onlyDigits(p.Phone)
		if _, ok := fastNational(d, "FR"); ok {
			quick++
		} else if _, ok := fastInternational(d); ok {
			quick++
		}
	}
	if cells < 1000 || quick < cells/5 {
		t.Fatalf("%d phone cells, %d in a fast form: the file does not test the fast path", cells, quick)
	}
}

// TestMemo checks that a cell read again gives the same numbers, that a
// caller changing its copy does not change the next reading, and that the
// memo stays bounded.
func TestMemo(t *testing.T) {
	first, err1 := ParseAll("05 57 93 67 00 ou 0600000000", "33522")
	first[0].Display = "changé"
	again, err2 := ParseAll("05 57 93 67 00 ou 0600000000", "33522")
	want, wantErr := parseAll("05 57 93 67 00 ou 0600000000", "FR")
	if !reflect.DeepEqual(again, want) || fmt.Sprint(err1) != fmt.Sprint(wantErr) || fmt.Sprint(err2) != fmt.Sprint(wantErr) {
		t.Errorf("read again: %v %v, want %v %v", again, err2, want, wantErr)
	}
	for i := range memoSize + 10 {
		ParseAll(strconv.Itoa(100000000+i), "")
	}
	if n := cells.Len(); n > memoSize {
		t.Errorf("memo of %d cells, more than %d", n, memoSize)
	}
}
