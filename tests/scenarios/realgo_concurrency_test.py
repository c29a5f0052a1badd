#!/usr/bin/python3
"""The CSP half of every built-in concurrency compare against real Go: for each
scenarios/concurrency/NAME.json with a tests/realgo/concurrency/NAME.out (what Go 1.19 printed
with GOMAXPROCS=1 for NAME.go; see the README there), the CSP side of the simulator's trace
must print the same values in the same order and die the same way (panic line, wait reasons,
exit status). The actor side has no Go counterpart and is not compared. As for the channel
scenarios, Go is not needed to run the test: the .out files hold what it printed.

Usage: realgo_concurrency_test.py REPO_ROOT GOPHERSCOPE"""
import pathlib
import re
import subprocess
import sys

root = pathlib.Path(sys.argv[1])
gs = sys.argv[2]
PRINT = re.compile(r'\S+ println\(("[^"]*"|[^)]*)\)')
failures = 0
checked = 0
for out in sorted((root / "tests" / "realgo" / "concurrency").glob("*.out")):
    name = out.stem
    scenario = root / "scenarios" / "concurrency" / f"{name}.json"
    if not scenario.exists():
        print(f"FAIL {out.name}: no scenario {scenario.relative_to(root)}")
        failures += 1
        continue
    trace = subprocess.run([gs, "trace", str(scenario)], capture_output=True, text=True,
                           check=True).stdout
    printed, crash = [], []
    for line in trace.splitlines():
        if not line.startswith("step "):
            continue
        events = re.sub(r" \[[^\]]+\]$", "", line.split(" | ", 1)[0])
        side = None
        for part in events.split("; "):
            # Each side's lines start with its clock: "actors t=0us", "csp t=0us".
            if re.search(r"(^|: )actors t=\d+us$", part):
                side = "actors"
                continue
            if re.search(r"(^|: )csp t=\d+us$", part):
                side = "csp"
                continue
            if side != "csp":
                continue
            m = PRINT.search(part)
            if m:
                v = m.group(1)
                printed.append(v[1:-1] if v.startswith('"') else v)
            elif part.startswith(("panic: ", "fatal error: ", "exit status ")):
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
            continue
        else:
            go_printed.append(line)
    if printed != go_printed or crash != go_crash:
        failures += 1
        print(f"FAIL {name}: simulator {printed} {crash}\n          real Go {go_printed} {go_crash}")
    checked += 1

if checked < 5:
    print(f"FAIL only {checked} compares have real Go output")
    failures += 1
print(f"{checked} concurrency compares' CSP halves compared with real Go 1.19, {failures} failures")
sys.exit(1 if failures else 0)
