//go:build unix

package main

import (
	"os"
	"syscall"
)

// openFile is os.OpenFile for a file read or written at once, without
// the runtime's poller: os.OpenFile sets a file non-blocking and tries
// to add it to the poller, which refuses a regular file, and sets it
// back (four fcntl and an epoll_ctl a file, half of the run's system
// calls); the os.File made from the descriptor blocks, as a regular
// file's reads and writes do anyway.
func openFile(name string, flag int, perm uint32) (*os.File, error) {
	for {
		fd, err := syscall.Open(name, flag|syscall.O_CLOEXEC, perm)
		if err == nil {
			return os.NewFile(uintptr(fd), name), nil
		}
		if err != syscall.EINTR {
			return nil, &os.PathError{Op: "open", Path: name, Err: err}
		}
	}
}
