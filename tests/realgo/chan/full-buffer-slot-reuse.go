package main

import "runtime"

func main() {
	c := make(chan int, 2)
	go func() { c <- 1; c <- 2; c <- 3 }()
	runtime.Gosched()
	println(<-c)
	println(<-c)
	println(<-c)
}
