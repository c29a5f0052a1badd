package main

import "time"

// The CSP half of scenarios/concurrency/crash-vs-panic.json: the goroutine owning the
// balance panics on a bad amount, and nothing recovers it.
func main() {
	payments := make(chan int, 4)
	go func() {
		balance := 0
		for p := range payments {
			if p == -1 {
				panic("bad amount")
			}
			balance += p
			println(balance)
		}
	}()
	payments <- 5
	payments <- -1
	payments <- 7
	time.Sleep(100 * time.Microsecond)
	payments <- 8
	time.Sleep(100 * time.Microsecond)
	println("done")
}
