package batch

import (
	"io"
	"sync"
)

// chunk is how many rows are worked on at once: enough to keep every core
// busy, few enough that memory stays flat whatever the file's size.
const chunk = 256

// Run reads every row of rd, runs work on each on workers goroutines, and
// gives each row and its result to emit in the rows' order, from the
// calling goroutine. work must be safe for concurrent use. Run stops at
// the first error reading the file, after emitting the rows before it.
func Run[T any](rd *Reader, workers int, work func(Row) T, emit func(Row, T)) error {
	rows := make([]Row, 0, chunk)
	results := make([]T, chunk)
	for {
		rows = rows[:0]
		var err error
		for len(rows) < chunk {
			var row Row
			if row, err = rd.Next(); err != nil {
				break
			}
			rows = append(rows, row)
		}
		parallel(len(rows), workers, func(i int) { results[i] = work(rows[i]) })
		for i, row := range rows {
			emit(row, results[i])
		}
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return err
		}
	}
}

// parallel calls f(0) … f(n-1) on at most workers goroutines, and waits.
func parallel(n, workers int, f func(int)) {
	if workers <= 1 || n <= 1 {
		for i := range n {
			f(i)
		}
		return
	}
	var wg sync.WaitGroup
	next := make(chan int)
	for range min(workers, n) {
		wg.Go(func() {
			for i := range next {
				f(i)
			}
		})
	}
	for i := range n {
		next <- i
	}
	close(next)
	wg.Wait()
}
