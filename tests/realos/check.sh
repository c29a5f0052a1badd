#!/bin/bash
# Compiles and runs the real-Linux checks of the io topic and compares their output with
# what this machine printed when the rule tests were written (*.expected).
#   io_facts.c: EAGAIN, poll beyond 1024, epoll returns only ready fds, LT vs ET, SIGIO si_fd
#   select_fd_setsize.c: FD_SET(1024) aborts under glibc's fortify check
set -u
dir=$(dirname "$0")
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
ulimit -n 4096 2>/dev/null || true
gcc -O2 -Wall -o "$out/io_facts" "$dir/io_facts.c" || exit 1
gcc -O2 -D_FORTIFY_SOURCE=2 -Wall -o "$out/sel" "$dir/select_fd_setsize.c" || exit 1
"$out/io_facts" > "$out/io_facts.txt"
("$out/sel" 2>&1; echo "exit status $?") 2>&1 | grep -v "Aborted" > "$out/sel.txt"
status=0
diff -u "$dir/io_facts.expected" "$out/io_facts.txt" || status=1
diff -u "$dir/select_fd_setsize.expected" "$out/sel.txt" || status=1
exit $status
