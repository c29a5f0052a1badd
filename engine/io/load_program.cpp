#include "engine/io/load_program.h"

#include <algorithm>
#include <set>

#include "engine/io/limits.h"

namespace gs::io {

const std::vector<std::string>& ProgramOpNames() {
  static const std::vector<std::string> k = {
      "recvfrom",   "set_nonblock", "select",   "poll", "epoll_create", "epoll_ctl",
      "epoll_wait", "sigaction",    "aio_read", "work", "pause",        "loop"};
  return k;
}

namespace {

/// The ops each model's threads may call (what makes the model the model).
const std::vector<std::string>& AllowedOps(ModelKind m) {
  static const std::vector<std::string> bio = {"recvfrom", "work", "loop"};
  static const std::vector<std::string> nio = {"recvfrom", "set_nonblock", "work", "pause", "loop"};
  static const std::vector<std::string> mux = {"recvfrom",     "set_nonblock", "select",     "poll",
                                               "epoll_create", "epoll_ctl",    "epoll_wait", "work",
                                               "pause",        "loop"};
  static const std::vector<std::string> sig = {"recvfrom", "set_nonblock", "sigaction",
                                               "work",     "pause",        "loop"};
  static const std::vector<std::string> aio = {"aio_read", "work", "loop"};
  switch (m) {
    case ModelKind::kBio:
      return bio;
    case ModelKind::kNio:
      return nio;
    case ModelKind::kMultiplex:
      return mux;
    case ModelKind::kSignal:
      return sig;
    case ModelKind::kAsync:
      break;
  }
  return aio;
}

/// What a thread has done before the op being read, in program order.
struct Scope {
  bool epoll_created = false;
  bool readiness = false;  ///< a select, poll or epoll_wait came before
  bool nonblock_all = false;
  std::set<std::int32_t> nonblock;
  bool interest_all = false;  ///< epoll_ctl on "all"
  std::set<std::int32_t> interest;
  bool watch_all = false;  ///< the last readiness call's set
  std::vector<std::int32_t> watch;
};

class ProgramReader {
 public:
  ProgramReader(Checker& c, const std::map<std::string, std::int32_t>& ids, Program& p)
      : m_c(c), m_ids(ids), m_p(p), m_model(p.lanes.empty() ? ModelKind::kBio : p.lanes[0].model) {}

  void Read(const Json& root, const Json& cfg) {
    const Json* threads = m_c.Member(root, "", "threads", false);
    if (!threads) return;
    if (!m_c.ExpectArray(*threads, "/threads", kMaxThreads, "kMaxThreads")) return;
    if (threads->empty()) {
      m_c.Error("/threads", "threads needs at least one thread with a program");
      return;
    }
    for (const char* key : {"compare", "poller", "trigger", "read_until_eagain"}) {
      if (cfg.is_object() && cfg.contains(key))
        m_c.Error(Checker::Child("/config", key), Why(key), true);
    }
    for (std::size_t i = 0; i < threads->size(); ++i) {
      const std::string ptr = Checker::Child("/threads", i);
      const Json& th = (*threads)[i];
      if (!m_c.ExpectObject(th, ptr)) continue;
      m_c.CheckKeys(th, ptr, {"program"});
      const Json* prog = m_c.Member(th, ptr, "program", true);
      ThreadProgram tp;
      Scope sc;
      if (prog) ReadBody(*prog, Checker::Child(ptr, "program"), tp, sc, 0);
      m_p.threads.push_back(std::move(tp));
    }
    if (m_p.lanes.size() == 1 && m_model == ModelKind::kMultiplex) {
      Lane& l = m_p.lanes[0];
      l.poller = m_poller;
      l.trigger = m_edge ? Trigger::kEdge : Trigger::kLevel;
      l.name = m_poller == Poller::kSelect ? "select"
               : m_poller == Poller::kPoll ? "poll"
               : m_edge                    ? "epoll_et"
                                           : "epoll";
    }
  }

 private:
  static std::string Why(const std::string& key) {
    if (key == "compare") {
      return "thread programs run in one lane: give \"model\" (and no \"compare\"), or drop "
             "\"threads\" to compare the canonical loops";
    }
    if (key == "poller")
      return "with thread programs, the program's select, poll or epoll_wait calls are the poller: "
             "drop \"poller\"";
    if (key == "trigger") {
      return "with thread programs, each epoll_ctl sets its fd's trigger (\"events\": \"in\" "
             "or \"in|et\"): drop \"trigger\"";
    }
    return "read_until_eagain steers the canonical loops; in a program write recvfrom with "
           "\"until\": \"eagain\"";
  }

  void ReadBody(const Json& body, const std::string& ptr, ThreadProgram& tp, Scope& sc, int depth) {
    if (!m_c.ExpectArray(body, ptr, kMaxProgramOps, "kMaxProgramOps")) return;
    for (std::size_t i = 0; i < body.size(); ++i) {
      ReadOp(body[i], Checker::Child(ptr, i), tp, sc, depth);
    }
  }

  static bool Timed(const Json& body) {
    // An op that always takes simulated time; without one a loop would spin in one instant.
    if (!body.is_array()) return true;  // reported elsewhere
    for (const Json& op : body) {
      if (!op.is_object() || !op.contains("op") || !op["op"].is_string()) return true;
      const std::string name = op["op"].get<std::string>();
      if (name == "pause") continue;
      if (name == "loop") {
        if (op.contains("body") && Timed(op["body"])) return true;
        continue;
      }
      if (name == "recvfrom" && op.contains("fd") && op["fd"] == "ready") continue;
      return true;
    }
    return false;
  }

  void Push(ThreadProgram& tp, const PInstr& in, const std::string& ptr) {
    if (++m_instrs > kMaxProgramOps) {
      if (m_instrs == kMaxProgramOps + 1) {
        m_c.Error(ptr, "more than the limit kMaxProgramOps = " + std::to_string(kMaxProgramOps) +
                           " ops in all thread programs");
      }
      return;
    }
    tp.code.push_back(in);
  }

  void ReadOp(const Json& op, const std::string& ptr, ThreadProgram& tp, Scope& sc, int depth) {
    if (!m_c.ExpectObject(op, ptr)) return;
    auto name = m_c.Enum(op, ptr, "op", true, ProgramOpNames());
    if (!name) return;
    const auto& allowed = AllowedOps(m_model);
    if (std::find(allowed.begin(), allowed.end(), *name) == allowed.end()) {
      m_c.Error(Checker::Child(ptr, "op"), "\"" + *name + "\" is not part of the \"" +
                                               ModelName(m_model) +
                                               "\" model (config.model); its threads may use " +
                                               JoinList(allowed) + Hint(*name));
      return;
    }
    PInstr in;
    if (*name == "loop") return ReadLoop(op, ptr, tp, sc, depth);
    if (*name == "recvfrom") {
      m_c.CheckKeys(op, ptr, {"op", "fd", "until"});
      in.code = PCode::kRecvfrom;
      if (!ReadFd(op, ptr, in, true)) return;
      if (auto u = m_c.Enum(op, ptr, "until", false, {"eagain"})) {
        in.until_eagain = true;
        CheckNonblock(in, sc, Checker::Child(ptr, "until"));
      }
      if (in.ready && !sc.readiness) {
        m_c.Error(Checker::Child(ptr, "fd"),
                  "\"ready\" means the fds the last select, poll or epoll_wait returned, and "
                  "none comes before this recvfrom in the thread's program");
      }
    } else if (*name == "set_nonblock" || *name == "sigaction" || *name == "aio_read" ||
               *name == "epoll_ctl") {
      if (*name == "epoll_ctl") {
        m_c.CheckKeys(op, ptr, {"op", "fd", "events"});
      } else {
        m_c.CheckKeys(op, ptr, {"op", "fd"});
      }
      in.code = *name == "set_nonblock" ? PCode::kSetNonblock
                : *name == "sigaction"  ? PCode::kSigaction
                : *name == "aio_read"   ? PCode::kAioRead
                                        : PCode::kEpollCtl;
      if (!ReadFd(op, ptr, in, false)) return;
      if (in.code == PCode::kAioRead && in.all) in.nfds = std::int64_t(m_p.named_fds);
      if (in.code == PCode::kSetNonblock || in.code == PCode::kSigaction) {
        sc.nonblock_all = sc.nonblock_all || in.all;
        sc.nonblock.insert(in.fds.begin(), in.fds.end());
      }
      if (in.code == PCode::kEpollCtl) {
        if (!sc.epoll_created) NeedEpoll(ptr, "epoll_ctl");
        auto ev = m_c.Enum(op, ptr, "events", false, {"in", "in|et"});
        in.edge = ev && *ev == "in|et";
        m_edge = m_edge || in.edge;
        sc.interest_all = sc.interest_all || in.all;
        sc.interest.insert(in.fds.begin(), in.fds.end());
        UsePoller(Poller::kEpoll, ptr);
      }
    } else if (*name == "select" || *name == "poll") {
      m_c.CheckKeys(op, ptr, {"op", "fds"});
      in.code = *name == "select" ? PCode::kSelect : PCode::kPoll;
      if (!ReadFdSet(op, ptr, in)) return;
      sc.readiness = true;
      sc.watch_all = in.all;
      sc.watch = in.fds;
      UsePoller(*name == "select" ? Poller::kSelect : Poller::kPoll, ptr);
    } else if (*name == "epoll_create") {
      m_c.CheckKeys(op, ptr, {"op"});
      in.code = PCode::kEpollCreate;
      if (++m_epoll_creates > 1) {
        m_c.Error(ptr,
                  "epoll_create appears twice: the scenario has one epoll instance (one "
                  "ready list), created once, outside any loop");
      }
      if (depth > 0) {
        m_c.Error(ptr,
                  "epoll_create inside a loop would create an instance on every round: "
                  "create it once, before the loop");
      }
      sc.epoll_created = true;
      UsePoller(Poller::kEpoll, ptr);
    } else if (*name == "epoll_wait") {
      m_c.CheckKeys(op, ptr, {"op"});
      in.code = PCode::kEpollWait;
      if (!sc.epoll_created) NeedEpoll(ptr, "epoll_wait");
      sc.readiness = true;
      sc.watch_all = sc.interest_all;
      sc.watch.assign(sc.interest.begin(), sc.interest.end());
      UsePoller(Poller::kEpoll, ptr);
    } else {
      // work / pause
      const bool pause = *name == "pause";
      m_c.CheckKeys(op, ptr, {"op", "us"});
      in.code = pause ? PCode::kPause : PCode::kWork;
      in.us = kForever;
      if (auto us = m_c.Int(op, ptr, "us", pause, 1, kMaxTimeUs)) in.us = *us;
    }
    Push(tp, in, ptr);
  }

  std::string Hint(const std::string& op) const {
    if (op == "aio_read") return " (aio_read is asynchronous IO: \"model\": \"async\")";
    if (op == "sigaction") return " (SIGIO is signal-driven IO: \"model\": \"signal\")";
    if (op == "set_nonblock")
      return " (O_NONBLOCK belongs to \"nio\", \"multiplex\" or \"signal\")";
    if (op == "select" || op == "poll" || op.rfind("epoll", 0) == 0) {
      return " (readiness calls are IO multiplexing: \"model\": \"multiplex\")";
    }
    if (op == "recvfrom") return " (in asynchronous IO the kernel copies: use aio_read)";
    return "";
  }

  void NeedEpoll(const std::string& ptr, const char* call) {
    m_c.Error(Checker::Child(ptr, "op"),
              std::string(call) +
                  " needs an epoll instance, and no epoll_create comes before it in this "
                  "thread's program (epoll_ctl(2), epoll_wait(2): EBADF)");
  }

  void UsePoller(Poller p, const std::string& ptr) {
    if (m_poller_set && m_poller != p) {
      m_c.Error(Checker::Child(ptr, "op"),
                std::string("the programs already use ") + PollerName(m_poller) +
                    "; one scenario's threads multiplex with one call (select, poll or epoll), "
                    "so the lane can be named after it");
      return;
    }
    m_poller_set = true;
    m_poller = p;
  }

  void CheckNonblock(const PInstr& in, const Scope& sc, const std::string& ptr) {
    if (sc.nonblock_all) return;
    std::vector<std::int32_t> fds = in.fds;
    bool all = in.all;
    if (in.ready) {
      all = sc.watch_all;
      fds = sc.watch;
    }
    bool ok = !all;
    for (std::int32_t fd : fds) ok = ok && sc.nonblock.count(fd) > 0;
    if (!ok) {
      m_c.Error(ptr,
                "reading until EAGAIN needs O_NONBLOCK sockets: a blocking recvfrom on "
                "an empty buffer sleeps instead of returning EAGAIN (recvfrom(2)); put "
                "{\"op\": \"set_nonblock\", \"fd\": ...} before it");
    }
  }

  bool Resolve(const Json& v, const std::string& ptr, std::int32_t& out) {
    if (!v.is_string()) {
      m_c.Error(ptr, std::string("expected an fd id (a string), got ") + std::string(TypeName(v)));
      return false;
    }
    const std::string& id = v.get_ref<const std::string&>();
    auto it = m_ids.find(id);
    if (it != m_ids.end()) {
      out = it->second;
      return true;
    }
    std::vector<std::string> names;
    for (const auto& [k, x] : m_ids) names.push_back(k);
    std::string hint = DidYouMean(id, names);
    m_c.Error(ptr, "unknown fd \"" + id + "\"; the fds are " + JoinList(names) +
                       (hint.empty() ? "" : " (did you mean \"" + hint + "\"?)") + ", or \"all\"");
    return false;
  }

  void SetAll(PInstr& in) {
    in.all = true;
    for (std::size_t i = 0; i < m_p.named_fds; ++i) in.fds.push_back(std::int32_t(i));
    in.nfds = std::int64_t(m_p.fds.size());
    in.maxfd = kFirstFd + in.nfds - 1;
  }

  bool ReadFd(const Json& op, const std::string& ptr, PInstr& in, bool allow_ready) {
    const Json* v = m_c.Member(op, ptr, "fd", true);
    if (!v) return false;
    const std::string fptr = Checker::Child(ptr, "fd");
    if (v->is_string() && *v == "all") {
      SetAll(in);
      return true;
    }
    if (allow_ready && v->is_string() && *v == "ready") {
      in.ready = true;
      return true;
    }
    std::int32_t fd = 0;
    if (!Resolve(*v, fptr, fd)) return false;
    in.fds = {fd};
    in.nfds = 1;
    in.maxfd = m_p.fds[std::size_t(fd)].number;
    return true;
  }

  bool ReadFdSet(const Json& op, const std::string& ptr, PInstr& in) {
    const Json* v = m_c.Member(op, ptr, "fds", true);
    if (!v) return false;
    const std::string fptr = Checker::Child(ptr, "fds");
    if (v->is_string() && *v == "all") {
      SetAll(in);
    } else {
      if (!v->is_array()) {
        m_c.Error(fptr, std::string("expected a list of fd ids or \"all\", got ") +
                            std::string(TypeName(*v)));
        return false;
      }
      if (!m_c.ExpectArray(*v, fptr, kMaxFds, "kMaxFds")) return false;
      for (std::size_t i = 0; i < v->size(); ++i) {
        std::int32_t fd = 0;
        if (!Resolve((*v)[i], Checker::Child(fptr, i), fd)) continue;
        if (std::find(in.fds.begin(), in.fds.end(), fd) != in.fds.end()) {
          m_c.Error(Checker::Child(fptr, i),
                    "fd \"" + m_p.fds[std::size_t(fd)].id + "\" is listed twice");
          continue;
        }
        in.fds.push_back(fd);
        in.maxfd = std::max(in.maxfd, m_p.fds[std::size_t(fd)].number);
      }
      in.nfds = std::int64_t(in.fds.size());
      if (in.fds.empty()) {
        m_c.Error(fptr, "an empty set: the call would sleep for ever");
        return false;
      }
    }
    if (in.code == PCode::kSelect && in.maxfd >= kFdSetSize) {
      m_c.Error(fptr, "the set holds fd " + std::to_string(in.maxfd) +
                          ", but select(2) can watch only fds below FD_SETSIZE = 1024 (fd_set is "
                          "a fixed 1024-bit mask; FD_SET beyond it is undefined behaviour); use "
                          "poll or epoll");
      return false;
    }
    return true;
  }

  void ReadLoop(const Json& op, const std::string& ptr, ThreadProgram& tp, Scope& sc, int depth) {
    m_c.CheckKeys(op, ptr, {"op", "times", "until", "body"});
    if (depth + 1 > int(kMaxLoopDepth)) {
      m_c.Error(
          ptr, "loops nest deeper than the limit kMaxLoopDepth = " + std::to_string(kMaxLoopDepth));
      return;
    }
    PInstr top;
    top.code = PCode::kLoopTop;
    top.times = kForever;
    if (op.contains("times") && op.contains("until")) {
      m_c.Error(Checker::Child(ptr, "until"), "give \"times\" or \"until\", not both", true);
    }
    if (auto n = m_c.Int(op, ptr, "times", false, 1, kMaxLoopTimes)) top.times = *n;
    if (m_c.Enum(op, ptr, "until", false, {"all_read"})) top.times = kUntilAllRead;
    const Json* body = m_c.Member(op, ptr, "body", true);
    if (!body) return;
    const std::string bptr = Checker::Child(ptr, "body");
    if (body->is_array() && !Timed(*body)) {
      m_c.Error(bptr,
                "nothing in this loop takes time (only pause, loops, or recvfrom on "
                "\"ready\"): it would spin in one instant; add a call or work");
      return;
    }
    top.slot = tp.loops++;
    const std::int32_t at = std::int32_t(tp.code.size());
    Push(tp, top, ptr);
    ReadBody(*body, bptr, tp, sc, depth + 1);
    PInstr end;
    end.code = PCode::kLoopEnd;
    end.slot = top.slot;
    end.jump = at;
    Push(tp, end, ptr);
    if (std::size_t(at) < tp.code.size())
      tp.code[std::size_t(at)].jump = std::int32_t(tp.code.size());
  }

  Checker& m_c;
  const std::map<std::string, std::int32_t>& m_ids;
  Program& m_p;
  ModelKind m_model;
  Poller m_poller = Poller::kEpoll;
  bool m_poller_set = false;
  bool m_edge = false;
  int m_epoll_creates = 0;
  std::size_t m_instrs = 0;
};

}  // namespace

void ReadThreads(Checker& c, const Json& root, const Json& cfg,
                 const std::map<std::string, std::int32_t>& ids, Program& p) {
  ProgramReader(c, ids, p).Read(root, cfg);
}

}  // namespace gs::io
