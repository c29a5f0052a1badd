// Goroutine-per-connection on GOMAXPROCS=1: three goroutines block in conn.Read on three TCP
// connections, yet no OS thread is created for them — each parks on its fd's pollDesc
// (netpollblock) and the netpoller (epoll_wait) readies it when data arrives. This is what
// scenarios/io/go-netpoller.json shows; netpoller.expected is this program's output here.
package main

import (
	"fmt"
	"net"
	"runtime"
	"runtime/pprof"
	"time"
)

func main() {
	runtime.GOMAXPROCS(1)
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		panic(err)
	}
	var servers [3]net.Conn
	var clients [3]net.Conn
	for i := range clients {
		c, err := net.Dial("tcp", ln.Addr().String())
		if err != nil {
			panic(err)
		}
		s, err := ln.Accept()
		if err != nil {
			panic(err)
		}
		clients[i], servers[i] = c, s
	}
	time.Sleep(20 * time.Millisecond) // let the runtime's own threads start first
	before := pprof.Lookup("threadcreate").Count()
	order := make(chan string, 3)
	names := []string{"a", "b", "c"}
	for i := range servers {
		go func(i int) {
			buf := make([]byte, 64)
			n, _ := servers[i].Read(buf) // EAGAIN inside: parks on the poller
			order <- fmt.Sprintf("%s read %d bytes", names[i], n)
		}(i)
	}
	time.Sleep(50 * time.Millisecond) // all three are now parked in IO wait
	during := pprof.Lookup("threadcreate").Count()
	fmt.Printf("threads created while 3 goroutines wait in conn.Read: %d\n", during-before)
	// Data arrives in the order a (100 µs), b (250 µs), c (600 µs) of the scenario.
	delays := []time.Duration{0, 10 * time.Millisecond, 30 * time.Millisecond}
	for i, c := range clients {
		time.Sleep(delays[i])
		c.Write([]byte("hello"))
		fmt.Println(<-order)
	}
}
