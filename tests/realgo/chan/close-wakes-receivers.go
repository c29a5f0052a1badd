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
		go func(i int) { defer wg.Done(); _, ok := <-c; println(i); println(ok) }(i)
	}
	runtime.Gosched()
	close(c)
	wg.Wait()
}
