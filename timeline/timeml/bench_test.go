package timeml

// Benchmarks of the reader and writer over the TimeML files of the shared
// corpora (skipped when they are absent):
//
//	go test -run '^$' -bench . -benchmem ./timeline/timeml

import (
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func benchFiles(b *testing.B) [][]byte {
	data := corpusDir(&testing.T{})
	if data == "" {
		b.Skip("no shared/data beside the module root and EVENTLINE_DATA unset")
	}
	var srcs [][]byte
	err := filepath.WalkDir(filepath.Join(data, "tbaq"), func(path string, de fs.DirEntry, err error) error {
		if err != nil || de.IsDir() || !strings.HasSuffix(path, ".tml") {
			return err
		}
		src, err := os.ReadFile(path)
		srcs = append(srcs, src)
		return err
	})
	if err != nil {
		b.Fatal(err)
	}
	n := 0
	for _, s := range srcs {
		n += len(s)
	}
	b.SetBytes(int64(n))
	b.ReportAllocs()
	return srcs
}

// BenchmarkParseTBAQ: Parse over the 256 gold TBAQ files.
func BenchmarkParseTBAQ(b *testing.B) {
	srcs := benchFiles(b)
	for b.Loop() {
		for _, s := range srcs {
			if _, err := Parse(s); err != nil {
				b.Fatal(err)
			}
		}
	}
}

// BenchmarkParseTextTBAQ: ParseText over the 256 gold TBAQ files.
func BenchmarkParseTextTBAQ(b *testing.B) {
	srcs := benchFiles(b)
	for b.Loop() {
		for _, s := range srcs {
			if _, err := ParseText(s); err != nil {
				b.Fatal(err)
			}
		}
	}
}

// te3Inputs returns the gold TBAQ files as TempEval-3 inputs (the tags
// of TEXT removed), what examples/timeml reads in the speed test.
func te3Inputs(b *testing.B) [][]byte {
	srcs := benchFiles(b)
	n := 0
	for i, s := range srcs {
		srcs[i] = stripTextTags(s)
		n += len(srcs[i])
	}
	b.SetBytes(int64(n))
	return srcs
}

// BenchmarkParseTE3Input: Parse over the TempEval-3 inputs of TBAQ.
func BenchmarkParseTE3Input(b *testing.B) {
	srcs := te3Inputs(b)
	for b.Loop() {
		for _, s := range srcs {
			if _, err := Parse(s); err != nil {
				b.Fatal(err)
			}
		}
	}
}

// BenchmarkParseTextTE3Input: ParseText over the TempEval-3 inputs of
// TBAQ.
func BenchmarkParseTextTE3Input(b *testing.B) {
	srcs := te3Inputs(b)
	for b.Loop() {
		for _, s := range srcs {
			if _, err := ParseText(s); err != nil {
				b.Fatal(err)
			}
		}
	}
}

// BenchmarkWriteTBAQ: Write of each gold file's own TIMEX3 tags, which
// gives the file back unchanged.
func BenchmarkWriteTBAQ(b *testing.B) {
	srcs := benchFiles(b)
	anns := make([][]Annotation, len(srcs))
	for i, s := range srcs {
		d, err := Parse(s)
		if err != nil {
			b.Fatal(err)
		}
		anns[i] = d.Annotations()
	}
	b.ResetTimer()
	for b.Loop() {
		for i, s := range srcs {
			if _, _, err := Write(s, anns[i]); err != nil {
				b.Fatal(err)
			}
		}
	}
}

// BenchmarkDocWriteTBAQ: Doc.Write of each gold file's own TIMEX3 tags,
// the writer alone (the files are parsed once, before the timer).
func BenchmarkDocWriteTBAQ(b *testing.B) {
	srcs := benchFiles(b)
	docs := make([]*Doc, len(srcs))
	anns := make([][]Annotation, len(srcs))
	for i, s := range srcs {
		d, err := Parse(s)
		if err != nil {
			b.Fatal(err)
		}
		docs[i], anns[i] = d, d.Annotations()
	}
	b.ResetTimer()
	for b.Loop() {
		for i, d := range docs {
			if _, _, err := d.Write(anns[i]); err != nil {
				b.Fatal(err)
			}
		}
	}
}
