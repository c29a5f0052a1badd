#include "engine/io/io_run.h"

namespace gs::io {

StepResult IoRun::Build() {
  StepResult r = m_timeline.Build();
  const std::size_t n = m_timeline.StepCount();
  m_times.resize(n);
  m_segments.assign(m_program->lanes.size(), {});
  m_kcopies.assign(m_program->lanes.size(), {});
  for (std::size_t step = 0; step < n; ++step) {
    const State& s = m_timeline.StateRef(step);
    m_times[step] = s.now;
    for (std::size_t l = 0; l < s.worlds.size(); ++l) {
      auto& lanes = m_segments[l];
      lanes.resize(s.worlds[l].threads.size());
      for (std::size_t t = 0; t < lanes.size(); ++t) {
        const Thread& th = s.worlds[l].threads[t];
        auto& segs = lanes[t];
        const std::int32_t fd = th.state == ThreadState::kWork ? kNone : th.fd;
        if (!segs.empty() && segs.back().state == th.state && segs.back().call == th.call &&
            segs.back().fd == fd) {
          continue;
        }
        const std::int64_t from = step == 0 ? 0 : th.since;
        if (!segs.empty()) segs.back().to_us = from;
        segs.push_back({from, -1, step, th.state, th.call, fd});
      }
    }
    for (const Event& e : m_timeline.Events(step)) {
      if (e.kind == EventKind::kArrive && e.lane == 0) {
        m_arrivals.push_back({s.now, step, e.fd, e.n});
      }
      if (e.kind == EventKind::kKernelCopy) {
        m_kcopies[e.lane].push_back({s.now, -1, step, ThreadState::kCopying, Call::kAioRead, e.fd});
      }
      if (e.kind == EventKind::kAioComplete) {
        for (Segment& k : m_kcopies[e.lane]) {
          if (k.fd == e.fd && k.to_us < 0) k.to_us = s.now;
        }
      }
    }
  }
  return r;
}

std::vector<std::string> IoRun::EventLines(std::size_t step, Lang lang) const {
  std::vector<std::string> out;
  out.push_back("t=" + std::to_string(m_times[step]) + "us");
  for (const Event& e : m_timeline.Events(step)) {
    if (e.kind == EventKind::kArrive && e.lane > 0) continue;  // the same in every lane
    out.push_back(EventLine(*m_program, e, lang));
  }
  return out;
}

Narration IoRun::Narrate(std::size_t step) const {
  Narration n;
  if (step == 0) {
    const Program& p = *m_program;
    std::string lanes_en, lanes_zh;
    for (const Lane& l : p.lanes) {
      lanes_en += (lanes_en.empty() ? "" : ", ") + LaneTitle(l, Lang::kEn);
      lanes_zh += (lanes_zh.empty() ? "" : "、") + LaneTitle(l, Lang::kZh);
    }
    const std::string fds = std::to_string(p.fds.size());
    if (p.HasPrograms()) {
      const std::string k = std::to_string(p.threads.size());
      lanes_en += ", " + k + " thread(s) running the scenario's own programs";
      lanes_zh += "，" + k + " 个线程运行场景自己写的程序";
    }
    n.text = {"Start: " + fds + " connection(s) from fd 3 up, nothing has arrived yet; " +
                  (p.lanes.size() > 1 ? "side by side on the same arrivals: " : "the model: ") +
                  lanes_en +
                  ". Every read has two phases: 1, the data arrives in the kernel's "
                  "socket buffer; 2, it is copied to user space.",
              "开始：" + fds + " 个连接（fd 从 3 开始），还没有数据到达；" +
                  (p.lanes.size() > 1 ? "在同样的到达序列上并排比较：" : "IO 模型：") + lanes_zh +
                  "。每次读都有两个阶段：一、数据到达内核的 socket 缓冲区；二、"
                  "数据被拷贝到用户空间。"};
  } else {
    n = NarrateEvents(*m_program, m_timeline.Events(step));
  }
  if (const LocalizedText* say = AuthorSay(step)) {
    n.text.en = say->Get(Lang::kEn) + (n.text.en.empty() ? "" : " ") + n.text.en;
    n.text.zh = say->Get(Lang::kZh) + (n.text.zh.empty() ? "" : " ") + n.text.zh;
  }
  return n;
}

Json IoRun::EventsJson(std::size_t step) const {
  Json arr = Json::array();
  for (const Event& e : m_timeline.Events(step)) {
    if (e.kind == EventKind::kArrive && e.lane > 0) continue;
    arr.push_back(EventLine(*m_program, e, Lang::kEn));
  }
  return arr;
}

Json IoRun::StateSummary(std::size_t step) const {
  const State& s = m_timeline.StateRef(step);
  Json j;
  j["t_us"] = s.now;
  Json lanes = Json::array();
  for (std::size_t l = 0; l < s.worlds.size(); ++l) {
    const World& w = s.worlds[l];
    const Counters& c = w.c;
    Json x;
    x["lane"] = m_program->lanes[l].name;
    x["finished"] = w.finished;
    x["stalled"] = w.stalled;
    x["fd_setsize_error"] = w.error == LaneError::kFdSetSize;
    x["syscalls"] = c.syscalls;
    x["setup"] = c.setup;
    x["eagain"] = c.eagain;
    x["kernel_scanned"] = c.kernel_scanned;
    x["user_scanned"] = c.user_scanned;
    x["data_bytes"] = c.data_bytes;
    x["meta_bytes"] = c.meta_bytes;
    x["signals"] = c.signals;
    x["polling_us"] = c.polling_us;
    x["first_byte_us"] = c.first_byte_us;
    x["threads"] = c.threads;
    Json bufs = Json::array();
    for (const FdState& f : w.fds) bufs.push_back(f.rcvbuf);
    x["rcvbuf"] = bufs;
    lanes.push_back(x);
  }
  j["lanes"] = lanes;
  return j;
}

Json IoRun::CutOpAt(const Json& op, std::size_t step) const {
  if (!op.is_object() || !op.contains("op") || step >= m_times.size()) return nullptr;
  const Json& name = op["op"];
  if (name != "run" && name != "until") return nullptr;
  Json cut = op;
  cut["op"] = "until";
  cut["us"] = m_times[step];
  return cut;
}

bool IoRun::Notable(std::size_t step) const {
  for (const Event& e : m_timeline.Events(step)) {
    switch (e.kind) {
      case EventKind::kArrive:
      case EventKind::kLaneDone:
      case EventKind::kStalled:
      case EventKind::kFdSetSize:
        return true;
      default:
        break;
    }
  }
  return false;
}

}  // namespace gs::io
