package batch

import (
	"context"
	"io"
	"sync"
)

// A job is a row on its way through the workers, and where its result
// goes.
type job[T any] struct {
	row    Row
	result chan T
}

// Run reads every row of rd, runs work on each on workers goroutines, and
// gives each row and its result to emit in the rows' order, from the
// calling goroutine, while later rows are being read and worked on. At
// most a few rows a worker are in flight, so memory stays flat whatever
// the file's size. work must be safe for concurrent use. Run stops at the
// first error reading the file, after emitting the rows before it, and
// reads no more rows once ctx is done (the rows read are still emitted).
func Run[T any](ctx context.Context, rd *Reader, workers int, work func(Row) T, emit func(Row, T)) error {
	workers = max(workers, 1)
	jobs := make(chan job[T], workers)
	order := make(chan job[T], 4*workers) // bounds the rows in flight
	var readErr error
	go func() {
		defer close(jobs)
		defer close(order)
		for ctx.Err() == nil {
			row, err := rd.Next()
			if err != nil {
				if err != io.EOF {
					readErr = err
				}
				return
			}
			j := job[T]{row: row, result: make(chan T, 1)}
			order <- j
			jobs <- j
		}
	}()
	var wg sync.WaitGroup
	for range workers {
		wg.Go(func() {
			for j := range jobs {
				j.result <- work(j.row)
			}
		})
	}
	for j := range order {
		emit(j.row, <-j.result)
	}
	wg.Wait()
	return readErr // written before order was closed
}
