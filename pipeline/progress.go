package pipeline

import (
	"io"

	"github.com/schollz/progressbar/v3"
)

type progress interface {
	Add(int) error
	Finish() error
}

type noProgress struct{}

func (noProgress) Add(int) error { return nil }
func (noProgress) Finish() error { return nil }

// newProgress shows a bar on w (the CLI passes stderr only when it is a
// terminal and progress is wanted).
func newProgress(w io.Writer, total int) progress {
	if w == nil || total < 2 {
		return noProgress{}
	}
	return progressbar.NewOptions(total,
		progressbar.OptionSetWriter(w),
		progressbar.OptionSetDescription("notes"),
		progressbar.OptionShowCount(),
		progressbar.OptionClearOnFinish(),
		progressbar.OptionThrottle(100_000_000),
	)
}
