package main

func main() {
	a := make(chan string, 1)
	b := make(chan string, 1)
	a <- "from a"
	b <- "from b"
	select {
	case s := <-a:
		println(s)
	case s := <-b:
		println(s)
	}
	select {
	case <-a:
	case <-b:
	}
	select {
	case s := <-a:
		println(s)
	case s := <-b:
		println(s)
	default:
		println("nothing ready")
	}
}
