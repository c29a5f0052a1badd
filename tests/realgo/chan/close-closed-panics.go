package main

func main() {
	c := make(chan int, 1)
	c <- 7
	close(c)
	println(<-c)
	close(c)
}
