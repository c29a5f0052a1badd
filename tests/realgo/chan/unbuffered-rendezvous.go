package main

import (
	"runtime"
	"sync"
)

func main() {
	c := make(chan int)
	var wg sync.WaitGroup
	wg.Add(1)
	go func() { defer wg.Done(); v := <-c; println(v) }()
	runtime.Gosched()
	c <- 42
	wg.Wait()
}
