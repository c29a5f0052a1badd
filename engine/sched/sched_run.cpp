#include "engine/sched/sched_run.h"

#include <algorithm>

#include "engine/sched/chan_narration.h"

namespace gs::sched {

StepResult SchedRun::Build() {
  StepResult r = m_timeline.Build();
  if (r.kind == StepResult::Kind::kError) return r;
  const SchedModel& model = m_timeline.GetModel();
  // One replay records the clock and which G each P runs after every step (the lanes) and
  // reaches the final state, which holds every G ever created (for labels).
  State s = model.Initial();
  m_max_procs = s.gomaxprocs;
  for (const ScriptOp& op : m_program->ops) {
    if (op.code == ScriptCode::kGomaxprocs) m_max_procs = std::max(m_max_procs, op.n);
  }
  m_times.assign(StepCount(), 0);
  m_lanes.assign(StepCount() * std::size_t(m_max_procs), kNone);
  std::vector<Event> sink;
  for (std::size_t i = 0; i < StepCount(); ++i) {
    if (i > 0) {
      sink.clear();
      model.Step(s, sink);
    }
    m_times[i] = s.now;
    for (std::int32_t p = 0; p < s.gomaxprocs && p < m_max_procs; ++p) {
      const P& pp = s.ps[std::size_t(p)];
      if (pp.m == kNone) continue;
      const M& mm = s.ms[std::size_t(pp.m)];
      if (mm.state == MState::kRunning)
        m_lanes[i * std::size_t(m_max_procs) + std::size_t(p)] = mm.curg;
    }
  }
  std::vector<std::int32_t> members(m_program->groups.size(), 0);
  for (std::size_t i = 0; i < s.gs.size(); ++i) {
    if (s.gs[i].group != kNone) ++members[std::size_t(s.gs[i].group)];
  }
  m_labels.resize(s.gs.size());
  for (std::size_t i = 0; i < s.gs.size(); ++i) {
    const G& g = s.gs[i];
    if (g.group == kNone) {
      m_labels[i] = "g" + std::to_string(g.goid);
    } else {
      const std::string& name = m_program->groups[std::size_t(g.group)];
      m_labels[i] = members[std::size_t(g.group)] > 1 ? name + std::to_string(g.index) : name;
    }
  }
  return r;
}

const std::string& SchedRun::Label(std::int32_t goid) const {
  static const std::string kNoneLabel = "-";
  if (goid <= 0 || std::size_t(goid) > m_labels.size()) return kNoneLabel;
  return m_labels[std::size_t(goid - 1)];
}

std::vector<std::string> SchedRun::EventLines(std::size_t step, Lang lang) const {
  std::vector<std::string> out;
  out.push_back("t=" + std::to_string(m_times[step]) + "us");
  bool dead = false;
  for (const Event& e : m_timeline.Events(step)) {
    out.push_back(EventLine(*this, e, lang));
    dead = dead || e.kind == EventKind::kDeadlock || e.kind == EventKind::kPanic;
  }
  if (dead) {
    for (std::string& line : CrashReport(*this, m_timeline.StateAt(step), true)) {
      out.push_back(std::move(line));
    }
  }
  return out;
}

Narration SchedRun::Narrate(std::size_t step) const {
  Narration n;
  if (step == 0) {
    State s = m_timeline.StateAt(0);
    std::string who, who_zh;
    for (std::int32_t p = 0; p < s.gomaxprocs; ++p) {
      const P& pp = s.ps[std::size_t(p)];
      if (pp.m == kNone) continue;
      const M& mm = s.ms[std::size_t(pp.m)];
      if (mm.curg == kNone) continue;
      if (!who.empty()) who += ", ";
      if (!who_zh.empty()) who_zh += "，";
      std::string where = "P" + std::to_string(p);
      std::string mname = "M" + std::to_string(pp.m);
      who += Label(mm.curg) + " on " + where + " (" + mname + ")";
      who_zh += Label(mm.curg) + " 在 " + where + "（" + mname + "）上";
    }
    std::string procs = std::to_string(s.gomaxprocs);
    n.text.en = "Start: GOMAXPROCS=" + procs + (who.empty() ? "" : "; running: " + who) +
                ". sysmon has its own M with no P. Simplified: no GC workers, no timer heap, and "
                "the runtime's own goroutines appear only if the scenario lists them.";
    n.text.zh = "开始：GOMAXPROCS=" + procs + (who_zh.empty() ? "" : "；正在运行：" + who_zh) +
                "。sysmon 独占一个 M，不持有 P。简化：没有 GC worker、没有定时器堆，运行时自己的 "
                "goroutine 只有在场景列出时才出现。";
  } else {
    State before = m_timeline.StateAt(step - 1);
    State after = m_timeline.StateAt(step);
    n = NarrateEvents(*this, m_timeline.Events(step), &before, &after);
    bool dead = false;
    for (const Event& e : m_timeline.Events(step)) {
      dead = dead || e.kind == EventKind::kDeadlock || e.kind == EventKind::kPanic;
    }
    if (dead) {
      // What the runtime prints, verbatim (the goroutine numbers are the simulation's).
      std::string report;
      for (const std::string& line : CrashReport(*this, after, true)) report += "\n" + line;
      n.text.en += report;
      n.text.zh += report;
    }
  }
  if (const LocalizedText* say = AuthorSay(step)) {
    n.text.en = say->Get(Lang::kEn) + (n.text.en.empty() ? "" : "\n") + n.text.en;
    n.text.zh = say->Get(Lang::kZh) + (n.text.zh.empty() ? "" : "\n") + n.text.zh;
  }
  return n;
}

Json SchedRun::EventsJson(std::size_t step) const {
  Json arr = Json::array();
  bool dead = false;
  for (const Event& e : m_timeline.Events(step)) {
    arr.push_back(EventLine(*this, e, Lang::kEn));
    dead = dead || e.kind == EventKind::kDeadlock || e.kind == EventKind::kPanic;
  }
  if (dead) {
    for (std::string& line : CrashReport(*this, m_timeline.StateAt(step), true)) {
      arr.push_back(std::move(line));
    }
  }
  return arr;
}

Json SchedRun::StateSummary(std::size_t step) const {
  State s = m_timeline.StateAt(step);
  Json j;
  j["t_us"] = s.now;
  j["gomaxprocs"] = s.gomaxprocs;
  Json running = Json::array();
  Json ps = Json::array();
  auto fold = [this](auto size, auto at) {
    Json arr = Json::array();
    std::size_t n = std::size_t(size);
    for (std::size_t i = 0; i < n && i < 16; ++i) arr.push_back(Label(at(i)));
    if (n > 16) arr.push_back("... (" + std::to_string(n) + " in all)");
    return arr;
  };
  for (std::int32_t p = 0; p < s.gomaxprocs; ++p) {
    const P& pp = s.ps[std::size_t(p)];
    Json pj;
    pj["p"] = p;
    pj["status"] = std::string(PStatusName(pp.status));
    pj["m"] = pp.m;
    std::int32_t g = kNone;
    if (pp.m != kNone && s.ms[std::size_t(pp.m)].state == MState::kRunning) {
      g = s.ms[std::size_t(pp.m)].curg;
      running.push_back({{"g", Label(g)}, {"goid", g}, {"p", p}, {"m", pp.m}});
    }
    pj["g"] = g == kNone ? Json(nullptr) : Json(Label(g));
    pj["runnext"] = pp.runnext == kNone ? Json(nullptr) : Json(Label(pp.runnext));
    pj["runq"] = fold(pp.RunqSize(), [&pp](std::size_t i) { return pp.RunqAt(std::uint32_t(i)); });
    pj["runq_len"] = pp.RunqSize();
    pj["schedtick"] = pp.schedtick;
    pj["syscalltick"] = pp.syscalltick;
    ps.push_back(pj);
  }
  j["running"] = running;
  j["ps"] = ps;
  j["global_runq"] = fold(s.runq.size(), [&s](std::size_t i) { return s.runq[i]; });
  j["global_len"] = s.runq.size();
  Json ms = Json::array();
  for (std::size_t i = 0; i < s.ms.size(); ++i) {
    const M& m = s.ms[i];
    std::string st(MStateName(m.state));
    if (m.state == MState::kSchedule && m.spinning) st = "spinning";
    ms.push_back({{"m", i},
                  {"state", st},
                  {"p", m.p},
                  {"g", m.curg == kNone ? Json(nullptr) : Json(Label(m.curg))}});
  }
  j["ms"] = ms;
  j["nmspinning"] = s.nmspinning;
  Json poller = Json::array();
  for (const PollWait& w : s.poller) poller.push_back(Label(w.g));
  j["poller"] = poller;
  Json timers = Json::array();
  for (const Timer& t : s.timers) timers.push_back({{"g", Label(t.g)}, {"when_us", t.when}});
  j["timers"] = timers;
  j["sysmon"] = {{"next_us", s.sysmon.next}, {"delay_us", s.sysmon.delay}};
  if (!s.chans.empty()) {
    // The hchans: raw ring slots (null = zeroed) and the sudogs on each wait queue.
    Json chans = Json::object();
    for (std::size_t c = 0; c < s.chans.size(); ++c) {
      const Chan& ch = s.chans[c];
      const VType t = m_program->chan_elems[c];
      Json cj;
      cj["nil"] = !ch.made;
      if (ch.made) {
        cj["cap"] = ch.dataqsiz;
        cj["qcount"] = ch.qcount;
        cj["sendx"] = ch.sendx;
        cj["recvx"] = ch.recvx;
        cj["closed"] = ch.closed;
        Json buf = Json::array();
        for (std::size_t i = 0; i < ch.buf.size() && i < 64; ++i) {
          buf.push_back(ch.full[i] ? Json(FormatValue(*m_program, t, ch.buf[i])) : Json(nullptr));
        }
        cj["buf"] = buf;
        auto q = [&](const std::vector<Sudog>& w, bool send) {
          Json arr = Json::array();
          for (const Sudog& sg : w) {
            Json sj = {{"g", Label(sg.g)}, {"select", sg.is_select}};
            if (send) sj["value"] = FormatValue(*m_program, t, sg.value);
            arr.push_back(sj);
          }
          return arr;
        };
        cj["recvq"] = q(ch.recvq, false);
        cj["sendq"] = q(ch.sendq, true);
      }
      chans[m_program->chan_names[c]] = cj;
    }
    j["chans"] = chans;
  }
  if (s.panic != PanicKind::kNoPanic || s.ended) {
    Json report = Json::array();
    for (const std::string& line : CrashReport(*this, s, false)) report.push_back(line);
    if (!report.empty()) j["crash"] = report;
  }
  return j;
}

bool SchedRun::Notable(std::size_t step) const {
  for (const Event& e : m_timeline.Events(step)) {
    switch (e.kind) {
      case EventKind::kRunqputSlow:
      case EventKind::kSteal:
      case EventKind::kPreempt:
      case EventKind::kRetake:
      case EventKind::kHandoff:
      case EventKind::kProcresize:
      case EventKind::kDeadlock:
      case EventKind::kMainExit:
      case EventKind::kScriptGo:
      case EventKind::kScriptSyscall:
      case EventKind::kWake:
      case EventKind::kPanic:
      case EventKind::kClose:
      case EventKind::kScriptChan:
      case EventKind::kSelectWake:
        return true;
      case EventKind::kReady:
        // In a channel scenario every wake-up is a moment to find on the scrubber.
        if (Meta().kind == "chan") return true;
        break;
      case EventKind::kExecute:
        if (FindSource(e.n) == FindSource::kGlobal61) return true;
        break;
      default:
        break;
    }
  }
  return false;
}

Json SchedRun::CutOpAt(const Json& op, std::size_t step) const {
  if (step == 0 || step >= StepCount()) return nullptr;
  if (!op.is_object() || !op.contains("op") || op["op"] != "run") return op;
  // One run op usually covers the whole program; its steps are consecutive.
  const int index = OpIndex(step);
  std::size_t first = step;
  while (first > 1 && OpIndex(first - 1) == index) --first;
  Json cut = op;
  cut["events"] = step - first + 1;
  return cut;
}

}  // namespace gs::sched
