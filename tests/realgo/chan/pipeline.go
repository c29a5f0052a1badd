package main

func main() {
	jobs := make(chan int)
	results := make(chan int, 2)
	go func() {
		for i := 1; i <= 4; i++ {
			jobs <- i
		}
		close(jobs)
	}()
	for w := 0; w < 2; w++ {
		go func(w int) {
			for j := range jobs {
				println(w)
				results <- j + 100
			}
		}(w)
	}
	for i := 0; i < 4; i++ {
		println(<-results)
	}
}
