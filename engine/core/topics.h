// The registry of topic kinds. Each topic module registers its loader in engine/topics.cpp.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "engine/core/checker.h"
#include "engine/core/run.h"

namespace gs {

struct TopicSpec {
  std::string kind;
  std::vector<std::string> payload_keys;  ///< top-level keys the kind adds to the envelope
  /// Checks the payload, config and script, builds the timeline. Returns null on errors
  /// (which it has reported through `checker`).
  std::shared_ptr<const Run> (*load)(Envelope env, const Json& root, Checker& checker);
  /// A small valid scenario with @SCHEMA@ and @ID@ placeholders, or null.
  const char* (*starter)() = nullptr;
};

const std::vector<TopicSpec>& Topics();

}  // namespace gs
