package main

import "sync"

// The CSP half of scenarios/concurrency/bank-account.json: one goroutine owns the balance;
// deposits arrive on a channel and the balance is read with a send case of its select.
func main() {
	deposits := make(chan int)
	balance := make(chan int)
	go func() {
		total := 0
		for {
			select {
			case d := <-deposits:
				total += d
				println(total)
			case balance <- total:
			}
		}
	}()
	var wg sync.WaitGroup
	for c := 0; c < 2; c++ {
		wg.Add(1)
		go func() {
			deposits <- 10
			deposits <- 20
			wg.Done()
		}()
	}
	wg.Wait()
	println(<-balance)
}
