//go:build unix

package main

import (
	"io"
	"os"
	"syscall"
)

// The files of a run are read and written through their descriptors
// alone, not an os.File: os.NewFile asks the descriptor's flags (a fcntl)
// and registers a cleanup that Close removes, and Stat allocates the
// FileInfo, per file. Regular files block on reads and writes anyway, so
// the runtime's poller has nothing to add. The errors are the ones an
// os.File gives.

// fileID identifies a file: what os.SameFile compares.
type fileID struct{ dev, ino uint64 }

// readFile reads the file at path to its end into buf, grown to hold
// it, as os.ReadFile does, and returns its identity.
func readFile(path string, buf []byte) ([]byte, fileID, error) {
	fd, err := openFile(path, syscall.O_RDONLY, 0)
	if err != nil {
		return nil, fileID{}, err
	}
	defer syscall.Close(fd)
	var st syscall.Stat_t
	if err := ignoringEINTR(func() error { return syscall.Fstat(fd, &st) }); err != nil {
		return nil, fileID{}, &os.PathError{Op: "stat", Path: path, Err: err}
	}
	regular := st.Mode&syscall.S_IFMT == syscall.S_IFREG
	src, err := readAll(fd, path, int64(st.Size), regular, buf)
	return src, fileID{uint64(st.Dev), uint64(st.Ino)}, err
}

// readAll reads fd to its end into buf, grown to hold size bytes and
// one more, so that the read that finds the end needs no new buffer.
// A regular file whose first bytes read are the size its fstat gave is
// read whole: the read asked for more and came back short, which a
// regular file's read does at its end alone, so the end is not read
// again for the zero bytes os.ReadFile's loop would wait for.
func readAll(fd int, path string, size int64, regular bool, buf []byte) ([]byte, error) {
	if want := int(max(size+1, 512)); cap(buf) < want {
		buf = make([]byte, 0, want)
	}
	for {
		var n int
		err := ignoringEINTR(func() (err error) {
			n, err = syscall.Read(fd, buf[len(buf):cap(buf)])
			return err
		})
		if err != nil {
			return nil, &os.PathError{Op: "read", Path: path, Err: err}
		}
		if n == 0 {
			return buf, nil
		}
		buf = buf[:len(buf)+n]
		if regular && size > 0 && int64(len(buf)) == size {
			return buf, nil
		}
		if len(buf) == cap(buf) {
			buf = append(buf, 0)[:len(buf)]
		}
	}
}

// writeFile writes data to the file at path as os.WriteFile does, with
// mode 0644.
func writeFile(path string, data []byte) error {
	fd, err := openFile(path, syscall.O_WRONLY|syscall.O_CREAT|syscall.O_TRUNC, 0o644)
	if err != nil {
		return err
	}
	err = writeAll(fd, path, data)
	if err1 := syscall.Close(fd); err1 != nil && err == nil {
		err = &os.PathError{Op: "close", Path: path, Err: err1}
	}
	return err
}

// writeAll writes data to fd, in as many writes as it takes, as
// os.File.Write does.
func writeAll(fd int, path string, data []byte) error {
	for done := 0; ; {
		var n int
		err := ignoringEINTR(func() (err error) {
			n, err = syscall.Write(fd, data[done:])
			return err
		})
		if n > 0 {
			done += n
		}
		if done == len(data) {
			return nil
		}
		if err == nil && n == 0 {
			err = io.ErrUnexpectedEOF
		}
		if err != nil {
			return &os.PathError{Op: "write", Path: path, Err: err}
		}
	}
}

// sameFile reports whether the file at path is the one id identifies.
func sameFile(path string, id fileID) bool {
	var st syscall.Stat_t
	err := ignoringEINTR(func() error { return syscall.Stat(path, &st) })
	return err == nil && (fileID{uint64(st.Dev), uint64(st.Ino)}) == id
}

// openFile opens the file at path with O_CLOEXEC, as os.OpenFile does.
func openFile(path string, flag int, perm uint32) (int, error) {
	var fd int
	err := ignoringEINTR(func() (err error) {
		fd, err = syscall.Open(path, flag|syscall.O_CLOEXEC, perm)
		return err
	})
	if err != nil {
		return -1, &os.PathError{Op: "open", Path: path, Err: err}
	}
	return fd, nil
}

// ignoringEINTR calls fn until it fails otherwise than by an interrupt.
func ignoringEINTR(fn func() error) error {
	for {
		if err := fn(); err != syscall.EINTR {
			return err
		}
	}
}
