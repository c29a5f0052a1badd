// A steady allocation pattern: 8 MiB stays live (128 blocks of 64 KiB), and garbage is
// allocated in 64 KiB blocks. After a forced GC settles the heap, the program reads the
// heap goal (MemStats.NextGC) and the marked heap (HeapAlloc right after runtime.GC, when
// sweeping is done) and prints them in bytes; then it lets the pacer run four cycles.
package main

import (
	"fmt"
	"os"
	"runtime"
)

const block = 64 << 10

var live [][]byte
var sink []byte

func main() {
	for i := 0; i < 128; i++ {
		live = append(live, make([]byte, block))
	}
	runtime.GC()
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	fmt.Fprintf(os.Stderr, "after runtime.GC: marked=%d goal=%d stacks=%d\n", ms.HeapAlloc, ms.NextGC, ms.StackInuse)
	start := ms.NumGC
	for ms.NumGC < start+4 {
		for i := 0; i < 64; i++ {
			sink = make([]byte, block)
		}
		runtime.ReadMemStats(&ms)
	}
	runtime.KeepAlive(live)
}
