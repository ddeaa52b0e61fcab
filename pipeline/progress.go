package pipeline

import (
	"io"
	"sync"
	"time"

	"github.com/schollz/progressbar/v3"
)

// A run shows each stage that takes time, one after the other, on the
// terminal the CLI passes as Config.Progress: the notes read, checked and
// cleaned (a bar with a count and an estimate of the time left, from the
// rate so far), then the stages that have no count to go by (building the
// question bank, writing the workbook and the reports), which show what
// they are doing and the time taken so far, and no estimate they could
// not keep.

type progress interface {
	Add(int) error
	Finish() error
}

type noProgress struct{}

func (noProgress) Add(int) error { return nil }
func (noProgress) Finish() error { return nil }

// newProgress shows a bar on w (the CLI passes stderr only when it is a
// terminal and progress is wanted) for the notes of the first stage.
func newProgress(w io.Writer, total int, what string) progress {
	if w == nil || total < 2 {
		return noProgress{}
	}
	return progressbar.NewOptions(total,
		progressbar.OptionSetWriter(w),
		progressbar.OptionSetDescription(what),
		progressbar.OptionShowCount(),
		progressbar.OptionSetPredictTime(true),
		progressbar.OptionClearOnFinish(),
		progressbar.OptionThrottle(100_000_000),
	)
}

// noteStage names the first stage by what it does to each note.
func noteStage(cfg Config) string {
	switch {
	case cfg.Check && len(cfg.FixKinds) > 0:
		return "reading, checking and cleaning notes"
	case cfg.Check:
		return "reading and checking notes"
	case len(cfg.FixKinds) > 0:
		return "reading and cleaning notes"
	}
	return "reading notes"
}

// Stage shows on w (nil: nowhere) that a stage with no count to go by is
// under way, with a spinner and the time taken so far, until the returned
// function is called.
func Stage(w io.Writer, what string) (done func()) {
	if w == nil {
		return func() {}
	}
	bar := progressbar.NewOptions(-1,
		progressbar.OptionSetWriter(w),
		progressbar.OptionSetDescription(what),
		progressbar.OptionSpinnerType(14),
		progressbar.OptionSetElapsedTime(true),
		progressbar.OptionClearOnFinish(),
		progressbar.OptionSetRenderBlankState(true),
	)
	stop := make(chan struct{})
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		tick := time.NewTicker(100 * time.Millisecond)
		defer tick.Stop()
		for {
			select {
			case <-stop:
				return
			case <-tick.C:
				bar.Add(1)
			}
		}
	}()
	return func() {
		close(stop)
		wg.Wait()
		bar.Finish()
	}
}
