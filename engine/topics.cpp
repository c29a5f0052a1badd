#include "engine/core/topics.h"

#include "engine/gc/load.h"

namespace gs {

const std::vector<TopicSpec>& Topics() {
  static const std::vector<TopicSpec> kTopics = {
      {"gc", {"heap"}, &gc::Load},
  };
  return kTopics;
}

}  // namespace gs
