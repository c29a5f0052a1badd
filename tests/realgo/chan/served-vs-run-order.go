package main

import (
	"runtime"
	"sync"
)

func main() {
	c := make(chan int)
	var wg sync.WaitGroup
	for i := 0; i < 3; i++ {
		wg.Add(1)
		go func() { defer wg.Done(); v := <-c; println(v) }()
	}
	runtime.Gosched()
	c <- 0
	c <- 1
	c <- 2
	wg.Wait()
}
