package main

import (
	"sync"
	"time"
)

// The CSP half of scenarios/concurrency/flash-sale.json (the study sheet's 秒杀): six buyers
// are there before the sale opens; the orders channel holds two, so the others wait for the seller.
func main() {
	orders := make(chan int, 2)
	done := make(chan bool)
	go func() {
		time.Sleep(10 * time.Microsecond) // the sale opens
		for o := range orders {
			println(o)
		}
		done <- true
	}()
	var wg sync.WaitGroup
	for i := 0; i < 6; i++ {
		wg.Add(1)
		go func(i int) {
			orders <- i
			wg.Done()
		}(i)
	}
	wg.Wait()
	close(orders)
	<-done
}
