//go:build !unix

package pipeline

import "time"

var clockStart = time.Now()

// cpuTime is the time on the clock where the system does not say how
// much processor time the process used.
func cpuTime() time.Duration { return time.Since(clockStart) }
