package pipeline

import "sync"

// inOrder runs work on a pool of workers for each item feed sends, and
// hands each result to sink in the order the items were sent, on the
// calling goroutine. At most a few items per worker are in flight: a slow
// one holds back the feeding of new ones instead of letting finished notes
// pile up in memory.
func inOrder[T, R any](feed func(send func(T)), workers int, work func(T) R, sink func(T, R)) {
	type job struct {
		i    int
		item T
	}
	type done struct {
		job
		r R
	}
	window := make(chan struct{}, 4*workers)
	jobs := make(chan job)
	out := make(chan done, workers)
	go func() {
		i := 0
		feed(func(item T) {
			window <- struct{}{}
			jobs <- job{i, item}
			i++
		})
		close(jobs)
	}()
	var wg sync.WaitGroup
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := range jobs {
				out <- done{j, work(j.item)}
			}
		}()
	}
	go func() { wg.Wait(); close(out) }()
	waiting := map[int]done{}
	next := 0
	for d := range out {
		waiting[d.i] = d
		for {
			d, ok := waiting[next]
			if !ok {
				break
			}
			delete(waiting, next)
			sink(d.item, d.r)
			next++
			<-window
		}
	}
}
