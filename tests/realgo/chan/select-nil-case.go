package main

func main() {
	var a chan int
	b := make(chan int, 2)
	b <- 10
	b <- 20
	for i := 0; i < 3; i++ {
		select {
		case v := <-a:
			println("a")
			println(v)
		case v := <-b:
			println("b")
			println(v)
		default:
			println("default")
		}
	}
}
