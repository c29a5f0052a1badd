package main

// The CSP half of scenarios/concurrency/slow-consumer.json: a slow consumer behind a
// channel of capacity 2 makes the producer wait.
func main() {
	orders := make(chan int, 2)
	total := make(chan int)
	go func() {
		sum := 0
		for o := range orders {
			work()
			sum += o
		}
		total <- sum
	}()
	for i := 1; i <= 6; i++ {
		orders <- i
		println("sent", i)
	}
	close(orders)
	println(<-total)
}

// work stands for the consumer's 100 µs per order (no preemption: well under 10 ms).
func work() {
	for i := 0; i < 1000; i++ {
	}
}
