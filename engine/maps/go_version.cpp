#include "engine/maps/go_version.h"

#include <charconv>

namespace gs::maps {
namespace {

bool ReadInt(std::string_view& s, int* out) {
  auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), *out);
  if (ec != std::errc() || end == s.data() || *out < 0) return false;
  s.remove_prefix(std::size_t(end - s.data()));
  return true;
}

}  // namespace

std::optional<GoVersion> ParseGoVersion(std::string_view text) {
  if (text.starts_with("go")) text.remove_prefix(2);
  GoVersion v;
  int patch = 0;
  if (!ReadInt(text, &v.major) || text.empty() || text.front() != '.') return std::nullopt;
  text.remove_prefix(1);
  if (!ReadInt(text, &v.minor)) return std::nullopt;
  if (!text.empty()) {
    if (text.front() != '.') return std::nullopt;
    text.remove_prefix(1);
    if (!ReadInt(text, &patch) || !text.empty()) return std::nullopt;
  }
  return v;
}

std::optional<MapModelKind> MapModelFor(GoVersion v) {
  if (v.major != 1) return std::nullopt;
  if (v.minor <= 23) return MapModelKind::kClassic;
  // Go 1.24 made Swiss tables the default map; the sources read are 1.24-era. Later
  // versions are accepted while their map package keeps these rules (checked to 1.26).
  if (v.minor <= 26) return MapModelKind::kSwiss;
  return std::nullopt;
}

}  // namespace gs::maps
