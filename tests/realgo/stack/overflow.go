// overflow shows how the runtime ends a goroutine whose stack would grow past the limit that
// debug.SetMaxStack set: newstack (stack.go) prints the limit and the sizes, then throws.
// Gopherscope's stack tests quote the first lines of its output (overflow.out).
//
//	cd tests/realgo/stack && GOMAXPROCS=1 /usr/lib/go-1.19/bin/go run overflow.go 2>&1 |
//	    head -3 | sed 's/0x[0-9a-f]*/ADDR/g' > overflow.out
package main

import "runtime/debug"

var sink byte

//go:noinline
func rec(n int) {
	var buf [1024]byte
	buf[n&1023] = byte(n)
	sink += buf[(n*7)&1023]
	rec(n + 1)
}

func main() {
	debug.SetMaxStack(100000)
	done := make(chan struct{})
	go func() {
		rec(0)
		close(done)
	}()
	<-done
}
