// replay runs a Gopherscope "syncmap" scenario on a real sync.Map: each script op is run by
// its named goroutine, one at a time in the script's order (main hands the op to that
// goroutine and waits for it), so the interleaving is the scenario's. It prints what a
// program can observe: Load's value and ok, LoadOrStore's actual and loaded, LoadAndDelete's
// loaded, and the keys Range sees (sorted: Go's Range order is not specified).
//
//	/usr/lib/go-1.19/bin/go run replay.go ../../../scenarios/syncmap/NAME.json > NAME.out
package main

import (
	"encoding/json"
	"fmt"
	"os"
	"sort"
	"strings"
	"sync"
)

type op struct {
	Op    string `json:"op"`
	G     string `json:"g"`
	Key   string `json:"key"`
	Value int64  `json:"value"`
}

type scenario struct {
	Goroutines []string `json:"goroutines"`
	Script     []op     `json:"script"`
}

func run(m *sync.Map, o op) string {
	switch o.Op {
	case "load":
		v, ok := m.Load(o.Key)
		if !ok {
			return fmt.Sprintf("%s Load %s -> nil false", o.G, o.Key)
		}
		return fmt.Sprintf("%s Load %s -> %d true", o.G, o.Key, v)
	case "store":
		m.Store(o.Key, o.Value)
		return fmt.Sprintf("%s Store %s %d", o.G, o.Key, o.Value)
	case "load_or_store":
		v, loaded := m.LoadOrStore(o.Key, o.Value)
		return fmt.Sprintf("%s LoadOrStore %s -> %d %v", o.G, o.Key, v, loaded)
	case "delete":
		_, loaded := m.LoadAndDelete(o.Key)
		return fmt.Sprintf("%s Delete %s -> %v", o.G, o.Key, loaded)
	case "range":
		var seen []string
		m.Range(func(k, v any) bool {
			seen = append(seen, fmt.Sprintf("%s=%d", k, v))
			return true
		})
		sort.Strings(seen)
		return fmt.Sprintf("%s Range: %s", o.G, strings.Join(seen, " "))
	}
	return "unknown op " + o.Op
}

func main() {
	data, err := os.ReadFile(os.Args[1])
	if err != nil {
		panic(err)
	}
	var s scenario
	if err := json.Unmarshal(data, &s); err != nil {
		panic(err)
	}
	var m sync.Map
	work := map[string]chan op{}
	done := make(chan string)
	for _, g := range s.Goroutines {
		ch := make(chan op)
		work[g] = ch
		go func() {
			for o := range ch {
				done <- run(&m, o)
			}
		}()
	}
	for _, o := range s.Script {
		work[o.G] <- o
		fmt.Println(<-done)
	}
}
