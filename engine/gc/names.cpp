#include "engine/gc/state.h"

namespace gs::gc {

std::string_view ColorName(Color c) {
  switch (c) {
    case Color::kWhite:
      return "white";
    case Color::kGrey:
      return "grey";
    case Color::kBlack:
      return "black";
  }
  return "?";
}

std::string_view PhaseName(Phase p) {
  switch (p) {
    case Phase::kOff:
      return "off";
    case Phase::kSweepTermination:
      return "sweep termination";
    case Phase::kMark:
      return "mark";
    case Phase::kMarkTermination:
      return "mark termination";
    case Phase::kSweep:
      return "sweep";
  }
  return "?";
}

std::string_view BarrierName(Barrier b) {
  switch (b) {
    case Barrier::kNone:
      return "none";
    case Barrier::kDijkstra:
      return "dijkstra";
    case Barrier::kYuasa:
      return "yuasa";
    case Barrier::kHybrid:
      return "hybrid";
    case Barrier::kGo:
      return "go";
  }
  return "?";
}

bool ParseBarrier(std::string_view s, Barrier* out) {
  for (Barrier b :
       {Barrier::kNone, Barrier::kDijkstra, Barrier::kYuasa, Barrier::kHybrid, Barrier::kGo}) {
    if (BarrierName(b) == s) {
      *out = b;
      return true;
    }
  }
  return false;
}

}  // namespace gs::gc
