#include "engine/sched/state.h"

namespace gs::sched {

std::string_view GStatusName(GStatus s) {
  switch (s) {
    case GStatus::kIdle:
      return "_Gidle";
    case GStatus::kRunnable:
      return "_Grunnable";
    case GStatus::kRunning:
      return "_Grunning";
    case GStatus::kSyscall:
      return "_Gsyscall";
    case GStatus::kWaiting:
      return "_Gwaiting";
    case GStatus::kDead:
      return "_Gdead";
  }
  return "?";
}

std::string_view WaitReasonName(WaitReason w) {
  switch (w) {
    case WaitReason::kNoReason:
      return "";
    case WaitReason::kChanSend:
      return "chan send";
    case WaitReason::kChanReceive:
      return "chan receive";
    case WaitReason::kSleep:
      return "sleep";
    case WaitReason::kIOWait:
      return "IO wait";
    case WaitReason::kSemacquire:
      return "semacquire";
    case WaitReason::kForceGCIdle:
      return "force gc (idle)";
    case WaitReason::kGCSweepWait:
      return "GC sweep wait";
    case WaitReason::kGCScavengeWait:
      return "GC scavenge wait";
    case WaitReason::kFinalizerWait:
      return "finalizer wait";
    case WaitReason::kSelect:
      return "select";
    case WaitReason::kChanReceiveNil:
      return "chan receive (nil chan)";
    case WaitReason::kChanSendNil:
      return "chan send (nil chan)";
    case WaitReason::kSelectNoCases:
      return "select (no cases)";
    case WaitReason::kActorReceive:
      return "actor receive";
    case WaitReason::kActorAsk:
      return "actor ask";
  }
  return "?";
}

std::string_view PStatusName(PStatus s) {
  switch (s) {
    case PStatus::kIdle:
      return "_Pidle";
    case PStatus::kRunning:
      return "_Prunning";
    case PStatus::kSyscall:
      return "_Psyscall";
    case PStatus::kGcStop:
      return "_Pgcstop";
    case PStatus::kDead:
      return "_Pdead";
  }
  return "?";
}

std::string_view MStateName(MState s) {
  switch (s) {
    case MState::kIdle:
      return "idle";
    case MState::kRunning:
      return "running";
    case MState::kSchedule:
      return "schedule";
    case MState::kSyscall:
      return "syscall";
    case MState::kNetpoll:
      return "netpoll";
    case MState::kSysmon:
      return "sysmon";
  }
  return "?";
}

}  // namespace gs::sched
