//go:build unix

package main

import (
	"math/rand/v2"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// readFileRef is the read readFile replaced: through an os.File, its
// FileInfo from Stat, and on to the read that finds the end, as
// os.ReadFile does.
func readFileRef(path string) ([]byte, os.FileInfo, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, nil, err
	}
	defer f.Close()
	info, err := f.Stat()
	if err != nil {
		return nil, nil, err
	}
	src, err := os.ReadFile(path)
	return src, info, err
}

// checkReadFile holds readFile, with a buffer of capacity bufCap, to
// readFileRef on the file at path.
func checkReadFile(t *testing.T, path string, bufCap int) {
	t.Helper()
	want, info, wantErr := readFileRef(path)
	got, id, err := readFile(path, make([]byte, 0, bufCap))
	if wantErr != nil {
		require.Error(t, err)
		assert.Equal(t, wantErr.Error(), err.Error())
		return
	}
	require.NoError(t, err)
	assert.Equal(t, string(want), string(got), path)
	assert.True(t, sameFile(path, id))
	fi, err := os.Stat(path)
	require.NoError(t, err)
	assert.True(t, os.SameFile(fi, info))
}

// TestReadFileMatchesRef: readFile reads what os.ReadFile does, whatever
// the buffer it is given (too small, exactly the size, the size and
// one), on the corpora and files of random sizes around the buffer's,
// and fails with its errors.
func TestReadFileMatchesRef(t *testing.T) {
	paths, _ := filepath.Glob("../../../shared/data/tbaq/TimeBank/*.tml")
	for i, p := range paths {
		checkReadFile(t, p, i%3*4096)
	}
	dir := t.TempDir()
	r := rand.New(rand.NewPCG(1, 2))
	for i := range 300 {
		n := r.IntN(3000)
		if i%3 == 0 {
			n = []int{0, 1, 511, 512, 513, 1023, 1024, 1025}[i/3%8]
		}
		data := make([]byte, n)
		for k := range data {
			data[k] = byte(r.Uint32())
		}
		p := filepath.Join(dir, "f")
		require.NoError(t, os.WriteFile(p, data, 0o644))
		for _, c := range []int{0, n - 1, n, n + 1, n + 2, 2 * n} {
			checkReadFile(t, p, max(c, 0))
		}
	}
	checkReadFile(t, filepath.Join(dir, "missing"), 0)
	checkReadFile(t, dir, 0) // a folder: opened, then its read fails
}

// TestWriteFileMatchesRef: writeFile leaves what os.WriteFile does, over
// a file there or not, and fails with its errors.
func TestWriteFileMatchesRef(t *testing.T) {
	dir := t.TempDir()
	r := rand.New(rand.NewPCG(3, 4))
	for range 50 {
		data := make([]byte, r.IntN(70000))
		for k := range data {
			data[k] = byte(r.Uint32())
		}
		checkWriteFile(t, dir, data)
	}
	got := writeFile(filepath.Join(dir, "no", "such"), nil)
	want := os.WriteFile(filepath.Join(dir, "no", "such"), nil, 0o644)
	require.Error(t, got)
	assert.Equal(t, want.Error(), got.Error())
}

func checkWriteFile(t *testing.T, dir string, data []byte) {
	t.Helper()
	a, b := filepath.Join(dir, "a"), filepath.Join(dir, "b")
	require.NoError(t, writeFile(a, data))
	require.NoError(t, os.WriteFile(b, data, 0o644))
	ga, err := os.ReadFile(a)
	require.NoError(t, err)
	assert.Equal(t, data, ga)
	fa, err := os.Stat(a)
	require.NoError(t, err)
	fb, err := os.Stat(b)
	require.NoError(t, err)
	assert.Equal(t, fb.Mode(), fa.Mode())
}

// FuzzReadFile holds readFile to readFileRef, and writeFile to
// os.WriteFile, on the bytes of a file and the capacity of the buffer
// it is read into.
func FuzzReadFile(f *testing.F) {
	f.Add([]byte("<TimeML><TEXT>x</TEXT></TimeML>"), uint16(0))
	f.Add(make([]byte, 512), uint16(513))
	f.Add(make([]byte, 511), uint16(512))
	dir := f.TempDir()
	f.Fuzz(func(t *testing.T, data []byte, bufCap uint16) {
		checkWriteFile(t, dir, data)
		checkReadFile(t, filepath.Join(dir, "a"), int(bufCap))
	})
}
