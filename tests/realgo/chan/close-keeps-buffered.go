package main

func main() {
	c := make(chan int, 3)
	c <- 1
	c <- 2
	close(c)
	v, ok := <-c
	println(v)
	println(ok)
	for v := range c {
		println(v)
	}
	v, ok = <-c
	println(v)
	println(ok)
}
