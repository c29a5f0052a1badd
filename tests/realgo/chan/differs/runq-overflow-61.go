package main

import "sync"

func main() {
	var wg sync.WaitGroup
	for i := 0; i < 300; i++ {
		wg.Add(1)
		go func(i int) { defer wg.Done(); println(i) }(i)
	}
	wg.Wait()
}
