//go:build !unix

package main

import "os"

// openFile is os.OpenFile (see file_unix.go).
func openFile(name string, flag int, perm uint32) (*os.File, error) {
	return os.OpenFile(name, flag, os.FileMode(perm))
}
