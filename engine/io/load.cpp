#include "engine/io/load.h"

#include <algorithm>
#include <map>

#include "engine/core/build_run.h"
#include "engine/core/limits.h"
#include "engine/io/io_run.h"
#include "engine/io/limits.h"
#include "engine/io/load_program.h"

namespace gs::io {

const std::vector<std::string>& ConfigKeys() {
  static const std::vector<std::string> k = {
      "model",           "poller",     "trigger",  "compare", "syscall_us", "copy_us_per_kb",
      "scan_fds_per_us", "read_bytes", "retry_us", "work_us", "maxevents",  "read_until_eagain"};
  return k;
}

const std::vector<std::string>& OpNames() {
  static const std::vector<std::string> k = {"run", "until", "arrive"};
  return k;
}

const std::vector<std::string>& LaneNames() {
  static const std::vector<std::string> k = {"bio",   "nio",      "select", "poll",
                                             "epoll", "epoll_et", "signal", "async"};
  return k;
}

namespace {

Lane LaneFromName(const std::string& name) {
  Lane l;
  l.name = name;
  if (name == "bio") l.model = ModelKind::kBio;
  if (name == "nio") l.model = ModelKind::kNio;
  if (name == "signal") l.model = ModelKind::kSignal;
  if (name == "async") l.model = ModelKind::kAsync;
  if (name == "select" || name == "poll" || name == "epoll" || name == "epoll_et") {
    l.model = ModelKind::kMultiplex;
    l.poller = name == "select" ? Poller::kSelect : name == "poll" ? Poller::kPoll : Poller::kEpoll;
    l.trigger = name == "epoll_et" ? Trigger::kEdge : Trigger::kLevel;
  }
  return l;
}

class IoLoader {
 public:
  explicit IoLoader(Checker& c) : m_c(c) {}

  std::shared_ptr<Program> Load(const Envelope& env, const Json& root) {
    auto prog = std::make_shared<Program>();
    m_p = prog.get();
    ReadConfig(env.config);
    if (!root.is_object()) return prog;
    ReadFds(root);
    ReadThreads(m_c, root, env.config, m_ids, *m_p);
    if (!m_p->HasPrograms()) CheckFdSetSize(env.config, root);
    ReadScript(root);
    return prog;
  }

 private:
  void ReadConfig(const Json& cfg) {
    Config& c = m_p->config;
    m_c.CheckKeys(cfg, "/config", ConfigKeys());
    if (auto v = m_c.Int(cfg, "/config", "syscall_us", false, 1, 1000)) c.syscall_us = *v;
    if (auto v = m_c.Int(cfg, "/config", "copy_us_per_kb", false, 1, 1000)) c.copy_us_per_kb = *v;
    if (auto v = m_c.Int(cfg, "/config", "scan_fds_per_us", false, 1, 100000)) {
      c.scan_fds_per_us = *v;
    }
    if (auto v = m_c.Int(cfg, "/config", "read_bytes", false, 1, kMaxPacketBytes))
      c.read_bytes = *v;
    if (auto v = m_c.Int(cfg, "/config", "retry_us", false, 1, 1000000)) c.retry_us = *v;
    if (auto v = m_c.Int(cfg, "/config", "work_us", false, 0, 1000000)) c.work_us = *v;
    if (auto v = m_c.Int(cfg, "/config", "maxevents", false, 1, 4096)) c.maxevents = *v;

    Lane single;
    auto model =
        m_c.Enum(cfg, "/config", "model", false, {"bio", "nio", "multiplex", "signal", "async"});
    auto poller = m_c.Enum(cfg, "/config", "poller", false, {"select", "poll", "epoll"});
    auto trigger = m_c.Enum(cfg, "/config", "trigger", false, {"level", "edge"});
    if (model) single = LaneFromName(*model == "multiplex" ? "epoll" : *model);
    if (poller) {
      if (!model || *model != "multiplex") {
        m_c.Error("/config/poller", "a poller is used only by \"model\": \"multiplex\"", true);
      } else {
        single = LaneFromName(*poller);
      }
    }
    if (trigger && *trigger == "edge") {
      if (single.model != ModelKind::kMultiplex || single.poller != Poller::kEpoll) {
        // epoll(7): EPOLLET is an epoll flag; select and poll only report the current level.
        m_c.Error("/config/trigger",
                  "edge-triggered notification exists only for epoll (epoll(7) EPOLLET); select "
                  "and poll report whether an fd is readable now, i.e. level-triggered");
      } else {
        single = LaneFromName("epoll_et");
      }
    }
    if (auto v = m_c.Bool(cfg, "/config", "read_until_eagain", false)) {
      c.read_until_eagain = *v ? 1 : 0;
    }

    const Json* compare = m_c.Member(cfg, "/config", "compare", false);
    if (!compare) {
      m_p->lanes.push_back(single);
      return;
    }
    if (model || poller || trigger) {
      m_c.Error("/config/compare",
                "give either \"compare\" (the lanes side by side) or \"model\"/\"poller\"/"
                "\"trigger\" (one lane), not both",
                true);
    }
    if (!m_c.ExpectArray(*compare, "/config/compare", kMaxLanes, "kMaxLanes")) return;
    if (compare->size() < 2) {
      m_c.Error("/config/compare", "compare needs at least two lanes");
    }
    for (std::size_t i = 0; i < compare->size(); ++i) {
      const std::string ptr = Checker::Child("/config/compare", i);
      const Json& v = (*compare)[i];
      if (!v.is_string()) {
        m_c.Error(ptr, std::string("expected a lane name, got ") + std::string(TypeName(v)));
        continue;
      }
      const std::string& name = v.get_ref<const std::string&>();
      if (std::find(LaneNames().begin(), LaneNames().end(), name) == LaneNames().end()) {
        std::string hint = DidYouMean(name, LaneNames());
        m_c.Error(ptr, "unknown lane \"" + name + "\"; expected one of " + JoinList(LaneNames()) +
                           (hint.empty() ? "" : " (did you mean \"" + hint + "\"?)"));
        continue;
      }
      for (const Lane& l : m_p->lanes) {
        if (l.name == name) m_c.Error(ptr, "lane \"" + name + "\" is listed twice");
      }
      m_p->lanes.push_back(LaneFromName(name));
    }
  }

  void ReadFds(const Json& root) {
    const Json* fds = m_c.Member(root, "", "fds", true);
    if (fds && m_c.ExpectArray(*fds, "/fds", kMaxFds, "kMaxFds")) {
      for (std::size_t i = 0; i < fds->size(); ++i) ReadFd((*fds)[i], Checker::Child("/fds", i));
    }
    m_p->named_fds = m_p->fds.size();
    if (auto idle = m_c.Int(root, "", "idle_fds", false, 0, std::int64_t(1) << 31)) {
      if (m_p->fds.size() + std::size_t(*idle) > kMaxFds) {
        m_c.Error("/idle_fds",
                  std::to_string(m_p->fds.size()) + " fds + " + std::to_string(*idle) +
                      " idle fds are over the limit kMaxFds = " + std::to_string(kMaxFds));
        return;
      }
      for (std::int64_t k = 0; k < *idle; ++k) {
        FdDecl d;
        d.id = "idle" + std::to_string(k);
        m_p->fds.push_back(std::move(d));
      }
    }
    for (std::size_t i = 0; i < m_p->fds.size(); ++i) {
      m_p->fds[i].number = kFirstFd + std::int64_t(i);
    }
  }

  void ReadFd(const Json& fd, const std::string& ptr) {
    if (!m_c.ExpectObject(fd, ptr)) return;
    m_c.CheckKeys(fd, ptr, {"id", "arrivals"});
    FdDecl d;
    if (auto id = m_c.String(fd, ptr, "id", true, limits::kMaxIdBytes)) {
      if (m_c.ValidId(*id, Checker::Child(ptr, "id"))) {
        if (m_ids.count(*id)) {
          m_c.Error(Checker::Child(ptr, "id"), "fd \"" + *id + "\" is declared twice");
        }
        d.id = *id;
      }
    }
    const std::string aptr = Checker::Child(ptr, "arrivals");
    const Json* arr = m_c.Member(fd, ptr, "arrivals", false);
    if (arr && m_c.ExpectArray(*arr, aptr, kMaxArrivals, "kMaxArrivals")) {
      for (std::size_t i = 0; i < arr->size(); ++i) {
        const std::string p = Checker::Child(aptr, i);
        const Json& a = (*arr)[i];
        if (!m_c.ExpectObject(a, p)) continue;
        m_c.CheckKeys(a, p, {"at", "bytes"});
        if (a.contains("at") && a["at"].is_number_integer() && a["at"].get<std::int64_t>() < 0) {
          m_c.Error(Checker::Child(p, "at"),
                    "a negative time: arrivals are µs after the scenario starts (0 or later)");
          continue;
        }
        auto at = m_c.Int(a, p, "at", true, 0, kMaxTimeUs);
        auto bytes = m_c.Int(a, p, "bytes", true, 1, kMaxPacketBytes);
        if (!at || !bytes) continue;
        if (++m_arrivals > kMaxArrivals) {
          if (m_arrivals == kMaxArrivals + 1) {
            m_c.Error(p, "more than the limit kMaxArrivals = " + std::to_string(kMaxArrivals) +
                             " packets in all arrival schedules");
          }
          continue;
        }
        d.arrivals.push_back({*at, *bytes});
        d.total += *bytes;
      }
    }
    std::stable_sort(d.arrivals.begin(), d.arrivals.end(),
                     [](const Arrival& a, const Arrival& b) { return a.at_us < b.at_us; });
    m_ids[d.id] = std::int32_t(m_p->fds.size());
    m_p->fds.push_back(std::move(d));
  }

  void CheckFdSetSize(const Json& cfg, const Json& root) {
    if (m_p->lanes.size() != 1 || m_p->lanes[0].model != ModelKind::kMultiplex ||
        m_p->lanes[0].poller != Poller::kSelect) {
      return;  // a compare lane that uses select shows the failure when it runs
    }
    const std::int64_t highest = kFirstFd + std::int64_t(m_p->fds.size()) - 1;
    if (highest < kFdSetSize) return;
    (void)cfg;
    const char* where = root.contains("idle_fds") ? "/idle_fds" : "/fds";
    m_c.Error(where, std::to_string(m_p->fds.size()) + " connections get fds 3.." +
                         std::to_string(highest) +
                         ", but select(2) can watch only fds below FD_SETSIZE = 1024 (fd_set "
                         "is a fixed 1024-bit mask); use \"poller\": \"poll\" or \"epoll\", or "
                         "put select in \"compare\" to show it failing");
  }

  void ReadScript(const Json& root) {
    const Json* script = root.contains("script") ? &root["script"] : nullptr;
    if (!script || !script->is_array() || script->size() > limits::kMaxScriptOps) return;
    for (std::size_t i = 0; i < script->size(); ++i) {
      const std::string ptr = Checker::Child("/script", i);
      const Json& op = (*script)[i];
      if (!m_c.ExpectObject(op, ptr)) continue;
      auto name = m_c.Enum(op, ptr, "op", true, OpNames());
      if (!name) continue;
      Op o;
      if (*name == "run") {
        m_c.CheckKeys(op, ptr, {"op", "say", "notes"});
        o.code = OpCode::kRun;
      } else if (*name == "until") {
        m_c.CheckKeys(op, ptr, {"op", "us", "say", "notes"});
        o.code = OpCode::kUntil;
        if (auto us = m_c.Int(op, ptr, "us", true, 0, kMaxTimeUs)) o.us = *us;
      } else {
        m_c.CheckKeys(op, ptr, {"op", "fd", "bytes", "say", "notes"});
        o.code = OpCode::kArrive;
        if (auto fd = m_c.String(op, ptr, "fd", true, limits::kMaxIdBytes)) {
          auto it = m_ids.find(*fd);
          if (it == m_ids.end()) {
            std::vector<std::string> names;
            for (const auto& [k, v] : m_ids) names.push_back(k);
            std::string hint = DidYouMean(*fd, names);
            m_c.Error(Checker::Child(ptr, "fd"),
                      "unknown fd \"" + *fd + "\"; the fds are " + JoinList(names) +
                          (hint.empty() ? "" : " (did you mean \"" + hint + "\"?)"));
          } else {
            o.fd = it->second;
          }
        }
        if (auto b = m_c.Int(op, ptr, "bytes", true, 1, kMaxPacketBytes)) o.bytes = *b;
      }
      m_p->ops.push_back(o);
    }
  }

  Checker& m_c;
  Program* m_p = nullptr;
  std::map<std::string, std::int32_t> m_ids;
  std::size_t m_arrivals = 0;
};

}  // namespace

std::shared_ptr<const Run> Load(Envelope env, const Json& root, Checker& checker) {
  IoLoader loader(checker);
  std::shared_ptr<Program> prog = loader.Load(env, root);
  if (checker.Failed()) return nullptr;
  auto run = std::make_shared<IoRun>(std::move(env), prog);
  if (!BuildTimeline(*run, checker)) return nullptr;
  return run;
}

}  // namespace gs::io
