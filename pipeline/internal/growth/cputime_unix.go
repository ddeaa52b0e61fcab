//go:build unix

package growth

import (
	"syscall"
	"time"
)

// cpuTime is the processor time the process has used: unlike the time on
// the clock, it does not grow while other processes of a busy machine run.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if syscall.Getrusage(syscall.RUSAGE_SELF, &ru) != nil {
		return time.Duration(time.Now().UnixNano())
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
