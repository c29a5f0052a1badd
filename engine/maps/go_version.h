// Which map implementation a scenario's Go version means: classic buckets (runtime/map.go)
// up to Go 1.23, Swiss tables (internal/runtime/maps) from Go 1.24.
#pragma once

#include <optional>
#include <string_view>

namespace gs::maps {

enum class MapModelKind { kClassic, kSwiss };

struct GoVersion {
  int major = 1;
  int minor = 0;
};

/// "1.24" or "1.24.3" (a leading "go" is allowed); nullopt for anything else.
std::optional<GoVersion> ParseGoVersion(std::string_view text);
/// The model a version uses, or nullopt when the simulator has no model for it.
std::optional<MapModelKind> MapModelFor(GoVersion v);
/// For error messages and docs.
inline constexpr const char* kSupportedMapVersions =
    "1.0 to 1.23 (classic buckets, rules read in Go 1.19) and 1.24 to 1.26 (Swiss tables, "
    "rules read in the Go 1.24 sources)";

}  // namespace gs::maps
