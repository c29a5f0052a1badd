package main

import "runtime"

func main() {
	c := make(chan int)
	go func() { c <- 1 }()
	runtime.Gosched()
	close(c)
	runtime.Gosched()
	println(1)
}
