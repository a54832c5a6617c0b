package pdfua

import (
	"io"
	"strconv"

	"github.com/pdfcpu/pdfcpu/pkg/api"
	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/model"
)

// TextSizes returns the size of every text run shown in the file: the
// operand of each Tf followed by text, multiplied by the scale of the text
// matrix when one is set (livret never scales text). Tests use it to check
// that nothing is printed below the large-print minimum.
func TextSizes(r io.ReadSeeker) ([]float64, error) {
	model.ConfigPath = "disable"
	ctx, err := api.ReadContext(r, model.NewDefaultConfiguration())
	if err != nil {
		return nil, err
	}
	if err := ctx.XRefTable.EnsurePageCount(); err != nil {
		return nil, err
	}
	c := &checker{xt: ctx.XRefTable}
	var sizes []float64
	for i := 1; i <= ctx.XRefTable.PageCount; i++ {
		pd, _, _, err := ctx.XRefTable.PageDict(i, false)
		if err != nil {
			return nil, err
		}
		toks := tokenize(c.pageContent(pd))
		size := 0.0
		for j, t := range toks {
			if t.kind != 'o' {
				continue
			}
			switch t.text {
			case "Tf":
				if j > 0 {
					size, _ = strconv.ParseFloat(toks[j-1].text, 64)
				}
			case "Tj", "TJ", "'", "\"":
				sizes = append(sizes, size)
			}
		}
	}
	return sizes, nil
}
