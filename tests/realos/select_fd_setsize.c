/* select(2) NOTES: FD_SET with fd >= FD_SETSIZE (1024) is undefined behaviour. Built with
 * glibc's fortify checks (-O2 -D_FORTIFY_SOURCE=2), FD_SET(1024) aborts the program. Run with
 * `ulimit -n` above 1024 so such an fd can exist. */
#include <stdio.h>
#include <sys/select.h>
#include <unistd.h>

int main(void) {
  printf("FD_SETSIZE = %d\n", FD_SETSIZE);
  int fd = dup2(0, 1024);
  printf("dup2 gave fd %d\n", fd);
  fflush(stdout);
  fd_set set;
  FD_ZERO(&set);
  FD_SET(fd, &set); /* aborts here under fortify */
  printf("FD_SET(%d) did not abort\n", fd);
  return 0;
}
