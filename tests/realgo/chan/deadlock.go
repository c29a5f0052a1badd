package main

func main() {
	var results chan int
	jobs := make(chan int)
	go func() { jobs <- 1 }()
	v := <-results
	println(v)
}
