package main

// The CSP half of scenarios/concurrency/request-reply.json: a request channel and a reply
// channel, where the actor side uses ask.
func main() {
	req := make(chan int)
	resp := make(chan int)
	go func() {
		total := 0
		for r := range req {
			total += r
			resp <- total
		}
	}()
	for i := 1; i <= 3; i++ {
		req <- i
		println(<-resp)
	}
}
