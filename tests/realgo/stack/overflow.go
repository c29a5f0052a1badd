// overflow shows how the runtime ends a goroutine whose stack would grow past the limit that
// debug.SetMaxStack set: newstack (stack.go) prints the limit and the sizes, then throws.
// Gopherscope's stack tests quote the first lines of its output (overflow.out).
//
//	cd tests/realgo/stack && GOMAXPROCS=1 /usr/lib/go-1.19/bin/go run overflow.go 2>&1 |
//	    head -3 > overflow.out
package main

import "runtime/debug"

var (
	sink byte
	done = make(chan struct{})
)

//go:noinline
func rec(n int) {
	var buf [1024]byte
	buf[n&1023] = byte(n)
	sink += buf[(n*7)&1023]
	rec(n + 1)
}

// worker's frame is 16 bytes (closechan's 8-byte argument area and the saved BP), as in
// growth.go, so the sp line can be compared too: sp - lo is the same on every run.
//
//go:noinline
func worker() {
	rec(0)
	close(done)
}

func main() {
	debug.SetMaxStack(100000)
	go worker()
	<-done
}
