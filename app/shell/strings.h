// Every UI string in English and Simplified Chinese, switched live.
#pragma once

#include "engine/core/text.h"

namespace gs::app {

enum class Str {
  kAppTitle, kLibrary, kOpenFile, kOpen, kReload, kPlay, kPause, kFirst, kPrev, kNext, kLast,
  kSpeed, kStep, kNarration, kRuntimeFunction, kErrors, kNoErrors, kErrorsKeepLast, kHelp,
  kHelpTitle, kKeyPlay, kKeyStep, kKeyHomeEnd, kKeyFont, kKeyFullscreen, kKeyTheme, kKeyLang,
  kKeyHelp, kKeyReload, kTheme, kDark, kLight, kLanguage, kView, kFile, kFontBigger,
  kFontSmaller, kFullscreen, kNoView, kDropHint, kLoaded, kReloaded, kSummary, kClose,
  kTopicGc, kTopicSched, kTopicMaps, kTopicStack, kTopicOther, kQuit, kDebug, kMetrics,
  kPhase, kGreyQueue, kRoots, kHeap, kBarrier, kBarrierOn, kBarrierOff, kStopTheWorld,
  kInvariants, kStrongOk, kStrongBroken, kWeakOk, kWeakBroken, kWhite, kGrey, kBlack, kFreed,
  kEmpty, kScanned, kUnscanned, kDangling, kNotAllocated, kCompare, kCompareHint, kOutcome, kSandbox, kSandboxActions, kSandboxAlloc, kSandboxHint,
  kUndo, kSaveAs, kSandboxOn, kBadgeInsertion, kBadgeDeletion, kBadgeBornBlack,
  kPredict, kQuizRight, kQuizWrong, kSandboxNeedsValidText, kSaveAsExists, kSavedAs,
  // The scenario editor.
  kEditor, kEditorToggle, kApply, kSave, kModified, kApplied, kSaved, kSaveFailed,
  kEditorErrorsHint, kDiskChanged, kUnsavedTitle, kUnsavedBody, kDiscard, kCancel,
  kSaveAnywayTitle, kSaveAnywayBody, kSaveAnyway, kKeyEditor, kEditorNoFile,
  kCount
};

const char* Tr(Str id, Lang lang);

}  // namespace gs::app
