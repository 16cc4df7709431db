package main

import (
	"fmt"
	"io"
	"time"
)

// progressDelay is how long a scan runs before a progress line appears, so
// that quick scans print nothing extra.
const progressDelay = time.Second

// startProgress prints an elapsed-time line on standard error while a scan
// runs, when standard error is a terminal and --quiet is off. The line is
// rewritten in place and erased by the returned stop function; it never
// reaches the report.
func startProgress(stderr io.Writer, quiet bool) (stop func()) {
	if quiet || !isTerminal(stderr) {
		return func() {}
	}
	done := make(chan struct{})
	finished := make(chan struct{})
	go func() {
		defer close(finished)
		start := time.Now()
		timer := time.NewTimer(progressDelay)
		defer timer.Stop()
		shown := false
		for {
			select {
			case <-done:
				if shown {
					fmt.Fprint(stderr, "\r\033[K")
				}
				return
			case <-timer.C:
				shown = true
				fmt.Fprintf(stderr, "\ractionguard: scanning… %ds", int(time.Since(start).Seconds()))
				timer.Reset(500 * time.Millisecond)
			}
		}
	}()
	return func() {
		close(done)
		<-finished
	}
}
