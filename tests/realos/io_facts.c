/* The Linux facts the io topic's rule tests rely on, shown on a real kernel. Each line
 * printed is one fact; tests/realos/io_facts.expected holds the output of this machine.
 * Sockets are AF_UNIX stream socketpairs: the reading side behaves as a TCP socket does for
 * these calls (recv, O_NONBLOCK, select, poll, epoll, O_ASYNC). */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/epoll.h>
#include <sys/select.h>
#include <sys/socket.h>
#include <unistd.h>

static volatile sig_atomic_t g_sig_fd = -1;

static void on_sigio(int sig, siginfo_t* info, void* ctx) {
  (void)sig;
  (void)ctx;
  g_sig_fd = info->si_fd;
}

static void pair(int sv[2]) {
  if (socketpair(AF_UNIX, SOCK_STREAM, 0, sv) != 0) {
    perror("socketpair");
    _exit(1);
  }
}

int main(void) {
  char buf[4096];
  memset(buf, 'x', sizeof buf);

  /* recvfrom(2): a non-blocking socket with no data fails with EAGAIN at once. */
  int s[2];
  pair(s);
  fcntl(s[0], F_SETFL, O_NONBLOCK);
  ssize_t r = recv(s[0], buf, sizeof buf, 0);
  printf("nonblocking recv on empty socket: %zd %s\n", r,
         r < 0 && (errno == EAGAIN || errno == EWOULDBLOCK) ? "EAGAIN" : "other");

  /* poll(2): no FD_SETSIZE limit — watch 1100 sockets, fds above 1024 included. */
  enum { kMany = 1100 };
  static int rd[kMany], wr[kMany];
  for (int i = 0; i < kMany / 2; ++i) {
    int p[2];
    pair(p);
    rd[i] = p[0];
    wr[i] = p[1];
  }
  int highest = 0;
  for (int i = 0; i < kMany / 2; ++i) highest = rd[i] > highest ? rd[i] : highest;
  static struct pollfd pfd[kMany];
  for (int i = 0; i < kMany / 2; ++i) {
    pfd[i].fd = rd[i];
    pfd[i].events = POLLIN;
  }
  write(wr[kMany / 2 - 1], "hi", 2);
  int n = poll(pfd, kMany / 2, 0);
  printf("poll over %d fds (highest fd %s 1024): %d ready\n", kMany / 2,
         highest >= 1024 ? ">=" : "<", n);
  (void)read(rd[kMany / 2 - 1], buf, 2);

  /* epoll(7): epoll_wait returns only the ready fds, not the whole interest list. */
  int ep = epoll_create1(0);
  for (int i = 0; i < 100; ++i) {
    struct epoll_event ev = {.events = EPOLLIN, .data.fd = rd[i]};
    epoll_ctl(ep, EPOLL_CTL_ADD, rd[i], &ev);
  }
  write(wr[7], "a", 1);
  write(wr[42], "b", 1);
  struct epoll_event out[128];
  n = epoll_wait(ep, out, 128, 0);
  int ok = n == 2 && ((out[0].data.fd == rd[7] && out[1].data.fd == rd[42]) ||
                      (out[0].data.fd == rd[42] && out[1].data.fd == rd[7]));
  printf("epoll_wait with 100 registered, 2 written: %d events, %s\n", n,
         ok ? "exactly the written ones" : "unexpected");
  (void)read(rd[7], buf, 1);
  (void)read(rd[42], buf, 1);
  close(ep);

  /* epoll(7) "Level-triggered and edge-triggered": 2 kB written, 1 kB read, wait again. */
  for (int et = 0; et <= 1; ++et) {
    int p[2];
    pair(p);
    fcntl(p[0], F_SETFL, O_NONBLOCK);
    ep = epoll_create1(0);
    struct epoll_event ev = {.events = EPOLLIN | (et ? EPOLLET : 0), .data.fd = p[0]};
    epoll_ctl(ep, EPOLL_CTL_ADD, p[0], &ev);
    write(p[1], buf, 2048);
    int first = epoll_wait(ep, out, 8, 0);
    (void)read(p[0], buf, 1024);
    int second = epoll_wait(ep, out, 8, 0);
    write(p[1], buf, 10);
    int third = epoll_wait(ep, out, 8, 0);
    printf("%s: wait=%d, read 1024 of 2048, wait again=%d, after 10 more bytes=%d\n",
           et ? "edge-triggered" : "level-triggered", first, second, third);
    close(ep);
    close(p[0]);
    close(p[1]);
  }

  /* fcntl(2) F_SETOWN + F_SETSIG + O_ASYNC: data arriving raises the signal, si_fd names the
   * socket; nothing has been copied yet (the data is still in the buffer). */
  int q[2];
  pair(q);
  struct sigaction sa;
  memset(&sa, 0, sizeof sa);
  sa.sa_sigaction = on_sigio;
  sa.sa_flags = SA_SIGINFO;
  sigaction(SIGRTMIN, &sa, NULL);
  fcntl(q[0], F_SETOWN, getpid());
  fcntl(q[0], F_SETSIG, SIGRTMIN);
  fcntl(q[0], F_SETFL, O_ASYNC | O_NONBLOCK);
  write(q[1], "ping", 4);
  for (int i = 0; i < 1000 && g_sig_fd < 0; ++i) usleep(1000);
  int pending = 0;
  r = recv(q[0], buf, sizeof buf, MSG_PEEK);
  pending = (int)r;
  printf("signal-driven: signal for the socket %s, %d bytes still to copy\n",
         g_sig_fd == q[0] ? "with si_fd = the socket" : "missing", pending);
  return 0;
}
