package main

import "runtime"

func main() {
	a := make(chan int)
	b := make(chan int)
	done := make(chan bool)
	go func() {
		select {
		case v := <-a:
			println("a")
			println(v)
		case v := <-b:
			println("b")
			println(v)
		}
		done <- true
	}()
	runtime.Gosched()
	b <- 5
	println("sent")
	<-done
}
