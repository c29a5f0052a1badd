// gopherscope export: a scenario's steps as slides and clips, rendered without a display.
// The real App is driven headless (its own ImGui context, in presenter layout: the picture
// and a large narration strip) and its draw data is rasterized on the CPU (raster.h), so
// the same frames come out on a laptop, a build machine or in CI.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "app/shell/theme.h"
#include "engine/core/text.h"

namespace gs::app {

enum class ExportFormat { kPng, kGif, kSvg };

struct ExportOptions {
  std::string scenario;
  std::size_t first = 0;
  std::size_t last = SIZE_MAX;  ///< clamped to the scenario's last step
  ExportFormat format = ExportFormat::kPng;
  int width = 1280;  ///< the common classroom projector
  int height = 720;
  ThemeKind theme = ThemeKind::kDark;
  Lang lang = Lang::kEn;
  std::string out;
  bool narration = true;      ///< the narration strip under the picture (PNG, GIF)
  bool help = false;          ///< --help was asked for: ParseExportArgs's error holds it
  int transition_frames = 6;  ///< GIF: frames of each step's animation
  float hold_seconds = 1.5f;  ///< GIF: how long each finished step stays
};

/// Parses `gopherscope export FILE [--steps A-B] [--format png|gif|svg] [--size WxH]
/// [--theme dark|light] [--lang en|zh] [--out PATH] [--no-narration]` (argv[0] is
/// "export"). On failure returns false with a message in `error`.
bool ParseExportArgs(const std::vector<std::string>& args, ExportOptions* opt, std::string* error);

/// What an export wrote.
struct ExportResult {
  bool ok = false;
  std::string error;
  std::vector<std::string> files;
  int frames = 0;
};

/// Runs the export. Needs no display. PNG writes one file per step (`OUT` for one step,
/// else `OUT-STEP.png` with a 3-digit step); GIF writes one animated file; SVG writes one
/// step's picture (the first of the range).
ExportResult RunExport(const ExportOptions& opt, const std::string& scenario_dir);

/// The command-line entry (prints errors, returns the exit code).
int ExportMain(int argc, char** argv, const char* scenario_dir);

}  // namespace gs::app
