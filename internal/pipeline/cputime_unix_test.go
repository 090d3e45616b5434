//go:build unix

package pipeline

import (
	"syscall"
	"time"
)

// cpuTime is the CPU time the process has used (user and system, every
// thread, the garbage collector's included): on a shared, loaded machine it
// varies far less than wall time.
func cpuTime() (time.Duration, bool) {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0, false
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano()), true
}
