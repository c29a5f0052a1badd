// growth reports, for recursions whose frames hold a [64]byte, [256]byte, [1024]byte,
// [8192]byte or [65536]byte local, the stack size of the goroutine at every recursion depth
// where it changes. Gopherscope's stack tests compare its simulated growth with this output.
//
//	cd tests/realgo/stack && GOMAXPROCS=1 /usr/lib/go-1.19/bin/go run growth.go > growth.out
//	/usr/lib/go-1.19/bin/go build -o /tmp/growth -gcflags=-S growth.go 2>&1 | grep STEXT |
//	    grep -E 'main\.(rec|worker)' | sed 's/ size=[0-9]*//' > frames.out
//
// How the stack bounds are read: runtime.Stack only prints frames, so the program reads the
// runtime's own record, g.stack = {lo, hi} (the first field of runtime.g, runtime2.go). The
// runtime keeps every g in runtime.allgs; the program pulls that slice in with //go:linkname
// (a variable, so no assembly is needed), and the goroutine finds its own g as the one whose
// [lo, hi) contains the address of one of its locals. The g itself never moves (only its
// stack does), so each recursion level then reads gp.stack with two loads and a store into a
// preallocated array: no call, no allocation (so no GC cycle can shrink the stack meanwhile),
// nothing that changes the frame beyond what the recursion itself needs.
//
// Every recursion runs in a fresh goroutine (2 KiB stack, _StackMin in stack.go). Its entry
// function is `worker`, which calls rec*(0); depth d is the d-th live rec* frame. The frame
// sizes the compiler chose (`locals=`, which includes the saved BP) are in frames.out.
//
// Each rec* is written so that its frame is exactly the array, the 8-byte spill area of its
// callee's argument and the saved BP: the indexes are masked (no bounds check, whose call to
// runtime.panicIndex would reserve a 16-byte argument area) and n is dead after the call (no
// spill slot for it). Output lines: "NAME depth=D start=S", then "NAME DEPTH SIZE" for each
// depth whose stack size differs from the one before. It is the same on every run.
package main

import (
	"fmt"
	"os"
	"unsafe"
)

// The head of runtime.g in Go 1.19 (runtime2.go): stack, stackguard0.
type stack struct{ lo, hi uintptr }
type g struct {
	stack       stack
	stackguard0 uintptr
}

//go:linkname allgs runtime.allgs
var allgs []*g

// sizes has a power-of-two length so that its index needs no bounds check (a call to
// runtime.panicIndex would add its 16-byte argument area to every frame).
const maxDepth = 2047

var (
	gp    *g
	sizes [maxDepth + 1]uintptr // sizes[d]: while the d-th frame runs
	limit = maxDepth
	sink  byte
	done  chan struct{}
)

// findg returns the g whose stack holds the caller's locals.
//
//go:noinline
func findg() *g {
	var probe byte
	a := uintptr(unsafe.Pointer(&probe))
	for _, x := range allgs {
		if x != nil && x.stack.lo <= a && a < x.stack.hi {
			return x
		}
	}
	return nil
}

//go:noinline
func rec64(n int) {
	var buf [64]byte
	buf[n&(len(buf)-1)] = byte(n)
	sink += buf[(n*7)&(len(buf)-1)]
	sizes[(n+1)&(len(sizes)-1)] = gp.stack.hi - gp.stack.lo
	if n+1 < limit {
		rec64(n + 1)
	}
}

//go:noinline
func rec256(n int) {
	var buf [256]byte
	buf[n&(len(buf)-1)] = byte(n)
	sink += buf[(n*7)&(len(buf)-1)]
	sizes[(n+1)&(len(sizes)-1)] = gp.stack.hi - gp.stack.lo
	if n+1 < limit {
		rec256(n + 1)
	}
}

//go:noinline
func rec1024(n int) {
	var buf [1024]byte
	buf[n&(len(buf)-1)] = byte(n)
	sink += buf[(n*7)&(len(buf)-1)]
	sizes[(n+1)&(len(sizes)-1)] = gp.stack.hi - gp.stack.lo
	if n+1 < limit {
		rec1024(n + 1)
	}
}

//go:noinline
func rec8192(n int) {
	var buf [8192]byte
	buf[n&(len(buf)-1)] = byte(n)
	sink += buf[(n*7)&(len(buf)-1)]
	sizes[(n+1)&(len(sizes)-1)] = gp.stack.hi - gp.stack.lo
	if n+1 < limit {
		rec8192(n + 1)
	}
}

//go:noinline
func rec65536(n int) {
	var buf [65536]byte
	buf[n&(len(buf)-1)] = byte(n)
	sink += buf[(n*7)&(len(buf)-1)]
	sizes[(n+1)&(len(sizes)-1)] = gp.stack.hi - gp.stack.lo
	if n+1 < limit {
		rec65536(n + 1)
	}
}

var which func(int)

//go:noinline
func worker() {
	gp = findg()
	sizes[0] = gp.stack.hi - gp.stack.lo
	which(0)
	close(done) // closechan(c): an 8-byte argument area, like the call to which
}

func run(name string, f func(int), depth int) {
	for i := range sizes {
		sizes[i] = 0
	}
	limit = depth
	which = f
	done = make(chan struct{})
	go worker()
	<-done
	fmt.Printf("%s depth=%d start=%d\n", name, depth, sizes[0])
	for d := 1; d <= depth; d++ {
		if sizes[d] != sizes[d-1] {
			fmt.Printf("%s %d %d\n", name, d, sizes[d])
		}
	}
}

func main() {
	if len(os.Args) > 1 {
		fmt.Println("usage: growth")
		os.Exit(2)
	}
	run("rec64", rec64, 2000)
	run("rec256", rec256, 2000)
	run("rec1024", rec1024, 1100)
	run("rec8192", rec8192, 140)
	run("rec65536", rec65536, 17)
}
