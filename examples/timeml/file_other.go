//go:build !unix

package main

import (
	"io"
	"os"
)

// fileID identifies a file (see file_unix.go).
type fileID = os.FileInfo

// readFile reads the file at path to its end into buf, grown to hold
// it, as os.ReadFile does, and returns its identity.
func readFile(path string, buf []byte) ([]byte, fileID, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, nil, err
	}
	defer f.Close()
	info, err := f.Stat()
	if err != nil {
		return nil, nil, err
	}
	if want := int(max(info.Size()+1, 512)); cap(buf) < want {
		buf = make([]byte, 0, want)
	}
	for {
		n, err := f.Read(buf[len(buf):cap(buf)])
		buf = buf[:len(buf)+n]
		if err == io.EOF {
			return buf, info, nil
		}
		if err != nil {
			return nil, nil, err
		}
		if len(buf) == cap(buf) {
			buf = append(buf, 0)[:len(buf)]
		}
	}
}

// writeFile writes data to the file at path as os.WriteFile does, with
// mode 0644.
func writeFile(path string, data []byte) error {
	return os.WriteFile(path, data, 0o644)
}

// sameFile reports whether the file at path is the one id identifies.
func sameFile(path string, id fileID) bool {
	fi, err := os.Stat(path)
	return err == nil && os.SameFile(fi, id)
}
