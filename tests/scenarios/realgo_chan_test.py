#!/usr/bin/python3
"""The built-in channel scenarios against real Go: for every scenarios/chan/NAME.json with a
tests/realgo/chan/NAME.out (what Go 1.19 printed with GOMAXPROCS=1 for NAME.go; see the
README there for the command), the simulator's trace must print the same values in the same
order and die the same way: the same panic or fatal error line, the same wait reason per
goroutine, the same exit status. Goroutine numbers and function names are not compared
(the simulation does not run the runtime's own goroutines, and Go names closures func1...).

Usage: realgo_chan_test.py REPO_ROOT GOPHERSCOPE"""
import pathlib
import re
import subprocess
import sys

root = pathlib.Path(sys.argv[1])
gs = sys.argv[2]
# Lines of real Go's output that depend on selectgo's random poll order.
RANDOM_LINES = {"select-random-and-default": {0}}

PRINT = re.compile(r'\S+ println\(("[^"]*"|[^)]*)\)')
failures = 0
checked = 0
for out in sorted((root / "tests" / "realgo" / "chan").glob("*.out")):
    name = out.stem
    scenario = root / "scenarios" / "chan" / f"{name}.json"
    if not scenario.exists():
        print(f"FAIL {out.name}: no scenario {scenario.relative_to(root)}")
        failures += 1
        continue
    trace = subprocess.run([gs, "trace", str(scenario)], capture_output=True, text=True, check=True).stdout
    printed, crash = [], []
    for line in trace.splitlines():
        if not line.startswith("step "):
            continue
        events = re.sub(r" \[[A-Za-z0-9_.]+\]$", "", line.split(" | ", 1)[0])  # the runtime func
        for m in PRINT.finditer(events):
            v = m.group(1)
            printed.append(v[1:-1] if v.startswith('"') else v)
        for part in events.split("; "):
            if part.startswith(("panic: ", "fatal error: ", "exit status ")):
                crash.append(part)
            elif re.match(r"goroutine \d+ \[", part):
                crash.append(re.sub(r"goroutine \d+ ", "goroutine N ", part))
    go_printed, go_crash = [], []
    for line in out.read_text().splitlines():
        if line.startswith(("panic: ", "fatal error: ", "exit status ")):
            go_crash.append(line)
        elif re.match(r"goroutine \d+ \[", line):
            go_crash.append(re.sub(r"goroutine \d+ ", "goroutine N ", line))
        elif line.startswith("main."):
            continue  # a traceback's function line
        else:
            go_printed.append(line)
    skip = RANDOM_LINES.get(name, set())
    sim_cmp = [v for i, v in enumerate(printed) if i not in skip]
    go_cmp = [v for i, v in enumerate(go_printed) if i not in skip]
    if sim_cmp != go_cmp or crash != go_crash:
        failures += 1
        print(f"FAIL {name}: simulator {printed} {crash}\n          real Go {go_printed} {go_crash}")
    checked += 1

if checked < 8:
    print(f"FAIL only {checked} scenarios have real Go output")
    failures += 1
print(f"{checked} channel scenarios compared with real Go 1.19, {failures} failures")
sys.exit(1 if failures else 0)
