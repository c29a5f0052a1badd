package main

func main() {
	c := make(chan int, 3)
	c <- 1
	c <- 2
	c <- 3
	println(<-c)
	println(<-c)
	c <- 4
	c <- 5
	println(<-c)
	println(<-c)
	println(<-c)
}
