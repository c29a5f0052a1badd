// Narration and event lines of the io topic: what each step did and why, citing the man page
// behaviour (recvfrom(2), select(2), poll(2), epoll(7), fcntl(2), aio(7)).
#include <string>

#include "engine/io/io_run.h"

namespace gs::io {
namespace {

std::string N(std::int64_t v) {
  return std::to_string(v);
}

std::string Fd(const Program& p, std::int32_t fd, bool zh = false) {
  if (fd < 0) return zh ? "空闲 fd" : "idle fds";
  return p.fds[std::size_t(fd)].id;
}

std::string FdLong(const Program& p, std::int32_t fd) {
  if (fd < 0) return "the idle fds";
  const FdDecl& d = p.fds[std::size_t(fd)];
  return d.id + " (fd " + N(d.number) + ")";
}

std::string Th(std::int32_t t) {
  std::string s = N(t);
  s.insert(s.begin(), 'T');
  return s;
}

// Arrivals are the same in every lane: they carry no lane name.
std::string Prefix(const Program& p, const Event& e) {
  if (e.kind == EventKind::kArrive) return "";
  return p.lanes.size() > 1 ? "[" + p.lanes[e.lane].name + "] " : "";
}

const char* FuncOf(const Program& p, const Event& e) {
  switch (e.kind) {
    case EventKind::kArrive:
      return "sk_data_ready";
    case EventKind::kSetup:
    case EventKind::kCallBlocks:
    case EventKind::kWake:
    case EventKind::kScan:
    case EventKind::kReturnReady:
      return CallName(e.call);
    case EventKind::kCopyStart:
    case EventKind::kReadDone:
    case EventKind::kEagain:
    case EventKind::kThreadDone:
    case EventKind::kPause:
      return "recvfrom";
    case EventKind::kUserScan:
      return p.lanes[e.lane].poller == Poller::kSelect ? "FD_ISSET"
             : p.lanes[e.lane].poller == Poller::kPoll ? "poll"
                                                       : "epoll_wait";
    case EventKind::kReadyAdd:
      return "ep_poll_callback";
    case EventKind::kReadyDrop:
    case EventKind::kStalled:
      return "epoll_wait";
    case EventKind::kFdSetSize:
      return "FD_SET";
    case EventKind::kSignal:
      return "kill_fasync";
    case EventKind::kSigreturn:
      return "rt_sigreturn";
    case EventKind::kAioSubmit:
    case EventKind::kKernelCopy:
    case EventKind::kAioComplete:
      return "aio_read";
    case EventKind::kAioReturn:
      return "aio_return";
    case EventKind::kWork:
      if (e.n > 0) return "user code";  // the thread's own code: no kernel function
      return p.lanes[e.lane].model == ModelKind::kSignal ? "sigaction" : "aio_read";
    case EventKind::kLaneDone:
      return "recvfrom";
  }
  return "";
}

struct Two {
  std::string en, zh;
};

Two Sentence(const Program& p, const Event& e) {
  const Lane& lane = p.lanes[e.lane];
  const std::string fd = FdLong(p, e.fd);
  const std::string th = Th(e.thread);
  const std::string call = CallName(e.call);
  switch (e.kind) {
    case EventKind::kArrive:
      return {N(e.n) + " bytes arrive on " + fd + (e.flag ? " (sent from the sandbox)" : "") +
                  ": phase 1, data preparation, is done — the kernel's receive buffer holds " +
                  N(e.n2) + " bytes.",
              fd + " 收到 " + N(e.n) + " 字节" + (e.flag ? "（沙盒发送）" : "") +
                  "：第一阶段（数据准备）完成——内核接收缓冲区里有 " + N(e.n2) + " 字节。"};
    case EventKind::kSetup:
      switch (e.call) {
        case Call::kEpollCreate:
          return {th + " creates an epoll instance once (epoll_create1).",
                  th + " 创建一次 epoll 实例（epoll_create1）。"};
        case Call::kEpollCtl:
          if (p.HasPrograms()) {
            const std::string ev = e.flag ? "EPOLLIN|EPOLLET" : "EPOLLIN";
            const std::string what = e.fd >= 0 ? fd : N(e.n) + " fds";
            const std::string what_zh = e.fd >= 0 ? fd : N(e.n) + " 个 fd";
            return {th + " registers " + what + " with epoll_ctl(EPOLL_CTL_ADD, " + ev +
                        "), once: the interest list stays in the kernel" +
                        (e.flag ? "; edge-triggered, so each arrival is reported once." : "."),
                    th + " 用 epoll_ctl(EPOLL_CTL_ADD, " + ev + ") 注册 " + what_zh +
                        "，只此一次：兴趣列表留在内核里" +
                        (e.flag ? "；边缘触发，每次到达只报告一次。" : "。")};
          }
          return {th + " registers all " + N(e.n) +
                      " fds once with epoll_ctl(EPOLL_CTL_ADD): the interest list stays in the "
                      "kernel, so epoll_wait copies no fd list in.",
                  th + " 用 epoll_ctl(EPOLL_CTL_ADD) 一次性注册全部 " + N(e.n) +
                      " 个 fd：兴趣列表留在内核里，之后 epoll_wait 不必再把 fd 列表拷进去。"};
        case Call::kSigaction:
          return {th + " installs a handler for the IO signal (sigaction).",
                  th + " 为 IO 信号安装处理函数（sigaction）。"};
        case Call::kFcntl:
          if (e.n2 == 1) {
            return {th + " makes " + N(e.n) +
                        " socket(s) non-blocking: fcntl(F_SETFL, O_NONBLOCK), one call each; "
                        "from now on an empty buffer means EAGAIN, not sleep.",
                    th + " 把 " + N(e.n) +
                        " 个 socket 设为非阻塞：每个一次 fcntl(F_SETFL, O_NONBLOCK)；"
                        "从此缓冲区为空时返回 EAGAIN，而不是睡眠。"};
          }
          if (e.flag) {
            return {th + " makes " + N(e.n / 3) +
                        " socket(s) signal-driven: F_SETOWN, F_SETSIG and O_ASYNC|O_NONBLOCK (" +
                        N(e.n) + " fcntl calls).",
                    th + " 把 " + N(e.n / 3) +
                        " 个 socket 设为信号驱动：F_SETOWN、F_SETSIG 和 O_ASYNC|O_NONBLOCK（" +
                        N(e.n) + " 次 fcntl）。"};
          }
          return {th +
                      " makes every socket signal-driven: F_SETOWN, F_SETSIG and "
                      "O_ASYNC|O_NONBLOCK (" +
                      N(e.n) +
                      " fcntl calls), then goes on with "
                      "other work.",
                  th + " 把每个 socket 设为信号驱动：F_SETOWN、F_SETSIG 和 O_ASYNC|O_NONBLOCK（" +
                      N(e.n) + " 次 fcntl），然后去做别的工作。"};
        default:
          return {th + " queues an aio_read on each of " + N(e.n) +
                      " fds and goes on with other work: the kernel will do both phases.",
                  th + " 为 " + N(e.n) +
                      " 个 fd 各提交一个 aio_read，然后去做别的工作：两个阶段都由"
                      "内核完成。"};
      }
    case EventKind::kCallBlocks:
      if (e.call == Call::kRecvfrom) {
        return {
            th + " calls recvfrom on " + fd +
                "; nothing has arrived, so the blocking call "
                "sleeps: phase 1, waiting for data.",
            th + " 对 " + fd + " 调用 recvfrom；数据还没到，阻塞调用睡眠：第一阶段，等待数据。"};
      }
      if (e.call == Call::kEpollWait && p.HasPrograms()) {
        return {th + " sleeps in epoll_wait: the ready list is empty.",
                th + " 在 epoll_wait 中睡眠：就绪列表是空的。"};
      }
      {
        const std::int64_t watched = e.n > 0 ? e.n : std::int64_t(p.fds.size());
        return {
            th + " sleeps in " + call + ": none of the " + N(watched) + " watched fds is readable.",
            th + " 在 " + call + " 中睡眠：被监视的 " + N(watched) + " 个 fd 都不可读。"};
      }
    case EventKind::kWake:
      return {"The kernel wakes " + th + " in " + call + ": " + fd + " has data.",
              "内核唤醒在 " + call + " 中的 " + th + "：" + fd + " 有数据了。"};
    case EventKind::kCopyStart:
      return {"recvfrom copies " + N(e.n) + " bytes of " + fd +
                  " from the kernel to the user buffer: phase 2, done by " + th +
                  " inside the call — the copy is synchronous.",
              "recvfrom 把 " + fd + " 的 " + N(e.n) + " 字节从内核拷贝到用户缓冲区：第二阶段，由 " +
                  th + " 在调用里完成——拷贝是同步的。"};
    case EventKind::kReadDone:
      return {"recvfrom returns " + N(e.n) + " bytes to " + th + " (bytes " + N(e.n2) + "–" +
                  N(e.n2 + e.n) + " of " + Fd(p, e.fd) + "'s stream).",
              "recvfrom 向 " + th + " 返回 " + N(e.n) + " 字节（" + Fd(p, e.fd) + " 字节流的第 " +
                  N(e.n2) + "–" + N(e.n2 + e.n) + " 字节）。"};
    case EventKind::kEagain:
      if (e.n > 1) {
        return {N(e.n) + " recvfrom calls on idle fds all return EAGAIN: " + N(e.n) +
                    " wasted syscalls.",
                "对空闲 fd 的 " + N(e.n) + " 次 recvfrom 全部返回 EAGAIN：白白浪费 " + N(e.n) +
                    " 次系统调用。"};
      }
      return {
          "recvfrom on " + fd +
              " finds an empty buffer and returns EAGAIN at once: a "
              "syscall that read nothing.",
          "对 " + fd + " 的 recvfrom 发现缓冲区为空，立即返回 EAGAIN：这次系统调用什么也没读到。"};
    case EventKind::kScan:
      if (e.n2 > 0) {
        const std::string what = e.call == Call::kSelect ? "the fd_set bitmap" : "the pollfd array";
        const std::string what_zh = e.call == Call::kSelect ? "fd_set 位图" : "pollfd 数组";
        return {th + " calls " + call + ": " + what + " (" + N(e.n2) +
                    " bytes) is copied into the kernel, which checks all " + N(e.n) + " fds.",
                th + " 调用 " + call + "：" + what_zh + "（" + N(e.n2) +
                    " 字节）被拷贝进内核，"
                    "内核逐个检查全部 " +
                    N(e.n) + " 个 fd。"};
      }
      return {"Woken, " + call + " walks all " + N(e.n) + " fds again to find the ready ones.",
              "被唤醒后，" + call + " 再次遍历全部 " + N(e.n) + " 个 fd，找出就绪的。"};
    case EventKind::kReturnReady:
      return {call + " returns " + N(e.n) + " ready fd(s); " + N(e.n2) +
                  " bytes are copied back to user space.",
              call + " 返回 " + N(e.n) + " 个就绪 fd；" + N(e.n2) + " 字节被拷回用户空间。"};
    case EventKind::kUserScan:
      if (lane.poller == Poller::kEpoll) {
        return {
            th + " looks at the " + N(e.n) +
                " returned events only: epoll_wait returned "
                "just the ready fds (O(ready)).",
            th + " 只看返回的 " + N(e.n) + " 个事件：epoll_wait 只返回就绪的 fd（O(就绪数)）。"};
      }
      return {th + " does not know which fds are ready: it tests all " + N(e.n) + " (" +
                  (lane.poller == Poller::kSelect ? "FD_ISSET" : "revents") + ", O(n)).",
              th + " 不知道哪些 fd 就绪：只能逐个检查全部 " + N(e.n) + " 个（" +
                  (lane.poller == Poller::kSelect ? "FD_ISSET" : "revents") + "，O(n)）。"};
    case EventKind::kReadyAdd:
      return {"epoll's wake-up callback puts " + fd + " on the ready list.",
              "epoll 的唤醒回调把 " + fd + " 放入就绪列表。"};
    case EventKind::kReadyDrop:
      if (e.n2 == 1) {
        return {"Level-triggered: " + fd +
                    " stays on the ready list, so epoll_wait reports it "
                    "again while data remains.",
                "水平触发：" + fd + " 留在就绪列表里，只要还有数据，epoll_wait 就会再次报告它。"};
      }
      if (e.n2 == 0) {
        return {"Edge-triggered: " + fd +
                    " leaves the ready list once reported; only new data "
                    "puts it back.",
                "边缘触发：" + fd + " 被报告一次就离开就绪列表；只有新数据到达才会把它放回来。"};
      }
      return {fd + " is no longer readable, so it is dropped from the ready list.",
              fd + " 已不可读，被移出就绪列表。"};
    case EventKind::kFdSetSize:
      return {
          "select cannot take these connections: fds 1024 and above do not fit in an fd_set "
          "(FD_SETSIZE = 1024), and FD_SET beyond it is undefined behaviour — glibc's fortify "
          "check aborts the program (select(2) BUGS; tests/realos/select_fd_setsize).",
          "select 接不下这些连接：fd_set 只能放 1024 以下的 fd（FD_SETSIZE = 1024），超出范围的 "
          "FD_SET 是未定义行为——glibc 的 fortify 检查会直接终止程序。"};
    case EventKind::kSignal:
      return {"The signal for " + fd + " interrupts " + th +
                  "'s work and its handler runs: readiness was announced, but nothing is "
                  "copied yet.",
              fd + " 的信号打断了 " + th +
                  " 的工作，信号处理函数开始运行：内核只通知了就绪，数据还没"
                  "拷贝。"};
    case EventKind::kSigreturn:
      return {"The handler returns (rt_sigreturn) and " + th + "'s work goes on.",
              "处理函数返回（rt_sigreturn），" + th + " 继续原来的工作。"};
    case EventKind::kAioSubmit:
      return {th + " queues the next aio_read on " + fd + ".",
              th + " 为 " + fd + " 提交下一个 aio_read。"};
    case EventKind::kKernelCopy:
      return {"The kernel itself copies " + N(e.n) + " bytes of " + fd +
                  " into the buffer of the queued read: phase 2 without the thread.",
              "内核自己把 " + fd + " 的 " + N(e.n) +
                  " 字节拷进已提交读请求的缓冲区：第二阶段不需要线程参与。"};
    case EventKind::kAioComplete:
      return {"The read on " + fd + " completes: " + N(e.n) + " bytes (" + N(e.n2) + "–" +
                  N(e.n2 + e.n) + ") are already in user memory, and a completion is queued.",
              fd + " 的读请求完成：" + N(e.n) + " 字节（" + N(e.n2) + "–" + N(e.n2 + e.n) +
                  "）已经在用户内存里，并排入一条完成通知。"};
    case EventKind::kAioReturn:
      return {th + " reaps the completion of " + fd + " (aio_return): no copy left to do.",
              th + " 收取 " + fd + " 的完成通知（aio_return）：没有拷贝要做了。"};
    case EventKind::kPause:
      return {"A whole round found nothing: " + th + " pauses " + N(e.n) +
                  " µs, then polls every connection again.",
              "整整一轮什么也没读到：" + th + " 暂停 " + N(e.n) + " µs，然后再轮询所有连接。"};
    case EventKind::kWork:
      if (e.n > 0) {
        return {th + " works for " + N(e.n) + " µs (its own code, no syscall).",
                th + " 工作 " + N(e.n) + " µs（它自己的代码，没有系统调用）。"};
      }
      return {th + " goes on with other work: it waits for nothing, the kernel will tell it.",
              th + " 继续做别的工作：它不等待任何东西，内核会通知它。"};
    case EventKind::kThreadDone:
      if (p.HasPrograms()) {
        return {th + "'s program has come to its end.", th + " 的程序执行完了。"};
      }
      return {th + " has read every byte and stops polling.", th + " 已读完所有字节，停止轮询。"};
    case EventKind::kLaneDone:
      return {"Every byte has been read, " + N(e.n) + " µs after the first packet arrived.",
              "所有字节都已读完，距第一个包到达 " + N(e.n) + " µs。"};
    case EventKind::kStalled:
      if (lane.trigger == Trigger::kEdge) {
        return {N(e.n) + " bytes of " + fd +
                    " stay in the buffer and nothing will wake the "
                    "reader: the edge-triggered event was used up by a read that did not drain the "
                    "buffer (a missed wake-up; epoll(7) says to read until EAGAIN).",
                fd + " 还有 " + N(e.n) +
                    " 字节留在缓冲区，却再也没有什么会唤醒读者：边缘触发的事件被一次"
                    "没读空缓冲区的读用掉了（丢失的唤醒；epoll(7) 要求一直读到 EAGAIN）。"};
      }
      return {N(e.n) + " bytes of " + fd + " are never read: nothing is due any more.",
              fd + " 有 " + N(e.n) + " 字节永远不会被读到：之后不再发生任何事。"};
  }
  return {"", ""};
}

}  // namespace

const char* CallName(Call c) {
  switch (c) {
    case Call::kNoCall:
      return "-";
    case Call::kRecvfrom:
      return "recvfrom";
    case Call::kSelect:
      return "select";
    case Call::kPoll:
      return "poll";
    case Call::kEpollCreate:
      return "epoll_create1";
    case Call::kEpollCtl:
      return "epoll_ctl";
    case Call::kEpollWait:
      return "epoll_wait";
    case Call::kSigaction:
      return "sigaction";
    case Call::kFcntl:
      return "fcntl";
    case Call::kAioRead:
      return "aio_read";
    case Call::kAioReturn:
      return "aio_return";
    case Call::kSigreturn:
      return "rt_sigreturn";
  }
  return "?";
}

std::string LaneTitle(const Lane& l, Lang lang) {
  const bool zh = lang == Lang::kZh;
  switch (l.model) {
    case ModelKind::kBio:
      return zh ? "阻塞 IO" : "blocking IO";
    case ModelKind::kNio:
      return zh ? "非阻塞 IO" : "non-blocking IO";
    case ModelKind::kSignal:
      return zh ? "信号驱动 IO" : "signal-driven IO";
    case ModelKind::kAsync:
      return zh ? "异步 IO" : "asynchronous IO";
    case ModelKind::kMultiplex:
      break;
  }
  if (l.poller == Poller::kEpoll) {
    if (l.trigger == Trigger::kEdge) return zh ? "epoll（边缘触发）" : "epoll (edge-triggered)";
    return zh ? "epoll（水平触发）" : "epoll (level-triggered)";
  }
  return std::string(PollerName(l.poller)) + (zh ? "（IO 多路复用）" : " (multiplexing)");
}

std::string EventLine(const Program& p, const Event& e, Lang lang) {
  const bool zh = lang == Lang::kZh;
  const std::string pre = Prefix(p, e);
  const std::string fd = Fd(p, e.fd, zh);
  const std::string th = Th(e.thread);
  const std::string call = CallName(e.call);
  const std::string fds = zh ? " 个 fd" : " fds";
  switch (e.kind) {
    case EventKind::kArrive:
      return pre + fd + " +" + N(e.n) + "B (" + (zh ? "缓冲区 " : "rcvbuf ") + N(e.n2) + "B)" +
             (e.flag ? (zh ? " 沙盒" : " sandbox") : "");
    case EventKind::kSetup:
      if (e.fd >= 0) return pre + th + " " + call + "(" + fd + ")";
      return pre + th + " " + call + (e.n > 1 ? " x" + N(e.n) : "");
    case EventKind::kCallBlocks:
      return pre + th + " " + call + (e.call == Call::kRecvfrom ? "(" + fd + ")" : "") +
             (zh ? " 阻塞" : " blocks");
    case EventKind::kWake:
      return pre + th + (zh ? " 被唤醒于 " : " woken in ") + call + " (" + fd + ")";
    case EventKind::kCopyStart:
      return pre + th + " recvfrom(" + fd + ") " + (zh ? "拷贝 " : "copying ") + N(e.n) + "B";
    case EventKind::kReadDone:
      return pre + th + " recvfrom(" + fd + ") = " + N(e.n) + " [" + N(e.n2) + "," + N(e.n2 + e.n) +
             ")";
    case EventKind::kEagain:
      return pre + th + " recvfrom(" + fd + ") = EAGAIN" + (e.n > 1 ? " x" + N(e.n) : "");
    case EventKind::kScan:
      return pre + th + " " + call + (zh ? " 扫描 " : " scans ") + N(e.n) + fds +
             (e.n2 > 0 ? ", " + N(e.n2) + (zh ? "B 拷入" : "B in") : "");
    case EventKind::kReturnReady:
      return pre + call + " -> " + N(e.n) + (zh ? " 个就绪, " : " ready, ") + N(e.n2) +
             (zh ? "B 拷出" : "B out");
    case EventKind::kUserScan:
      return pre + th + (zh ? " 检查 " : " checks ") + N(e.n) + fds;
    case EventKind::kReadyAdd:
      return pre + "rdllist += " + fd;
    case EventKind::kReadyDrop:
      if (e.n2 == 1) return pre + (zh ? "rdllist 保留 " : "rdllist keeps ") + fd + " (LT)";
      if (e.n2 == 0) return pre + "rdllist -= " + fd + " (ET)";
      return pre + "rdllist -= " + fd + (zh ? "（不可读）" : " (not readable)");
    case EventKind::kFdSetSize:
      return pre + th + " FD_SET(1024): fd >= FD_SETSIZE";
    case EventKind::kSignal:
      return pre + "SIGIO(" + fd + ") -> " + th + (zh ? " 处理函数" : " handler");
    case EventKind::kSigreturn:
      return pre + th + " rt_sigreturn";
    case EventKind::kAioSubmit:
      return pre + th + " aio_read(" + fd + ")";
    case EventKind::kKernelCopy:
      return pre + (zh ? "内核拷贝 " : "kernel copies ") + N(e.n) + "B " + fd;
    case EventKind::kAioComplete:
      return pre + (zh ? "完成 " : "aio done ") + fd + " " + N(e.n) + "B [" + N(e.n2) + "," +
             N(e.n2 + e.n) + ")";
    case EventKind::kAioReturn:
      return pre + th + " aio_return(" + fd + ")";
    case EventKind::kPause:
      return pre + th + (zh ? " 暂停 " : " pauses ") + N(e.n) + "us";
    case EventKind::kWork:
      if (e.n > 0) return pre + th + (zh ? " 工作 " : " works ") + N(e.n) + "us";
      return pre + th + (zh ? " 做别的工作" : " other work");
    case EventKind::kThreadDone:
      return pre + th + (zh ? " 完成" : " done");
    case EventKind::kLaneDone:
      return pre + (zh ? "全部读完 (+" : "all read (+") + N(e.n) + "us)";
    case EventKind::kStalled:
      return pre + (zh ? "卡住：" : "stalled: ") + fd + " " + N(e.n) + (zh ? "B 未读" : "B unread");
  }
  return "?";
}

Narration NarrateEvents(const Program& p, std::span<const Event> events) {
  Narration n;
  for (const Event& e : events) {
    if (e.kind == EventKind::kArrive && e.lane > 0) continue;  // said once, for lane 0
    const char* func = FuncOf(p, e);
    if (*func && (n.func.empty() || (e.kind != EventKind::kArrive && n.func == "sk_data_ready"))) {
      n.func = func;
    }
    // Level-triggered re-queues repeat each step: say it once per step.
    Two s = Sentence(p, e);
    const std::string pre = Prefix(p, e);
    if (s.en.empty()) continue;
    const std::string en = pre + s.en, zh = pre + s.zh;
    if (n.text.en.find(en) != std::string::npos) continue;
    n.text.en += (n.text.en.empty() ? "" : " ") + en;
    n.text.zh += (n.text.zh.empty() ? "" : " ") + zh;
  }
  if (n.text.en.empty()) {
    n.text = {"Time passes: every thread goes on with what it was doing.",
              "时间流逝：每个线程继续做它正在做的事。"};
    n.func = "recvfrom";
  }
  return n;
}

}  // namespace gs::io
