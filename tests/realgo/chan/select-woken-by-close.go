package main

import (
	"runtime"
	"sync"
)

func main() {
	a := make(chan int)
	b := make(chan int)
	var wg sync.WaitGroup
	for i := 0; i < 3; i++ {
		wg.Add(1)
		go func(i int) {
			defer wg.Done()
			select {
			case v, ok := <-a:
				println(i)
				println(v)
				println(ok)
			case v := <-b:
				println(i + 10)
				println(v)
			}
		}(i)
	}
	runtime.Gosched()
	b <- 7
	close(a)
	println("closed")
	wg.Wait()
}
