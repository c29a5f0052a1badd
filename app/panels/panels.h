// The panels around the topic view. Each takes read-only data plus the UiState and
// records what the user asked for in Commands.
#pragma once

#include <string>
#include <vector>

#include "app/panels/narration_cache.h"
#include "app/shell/app.h"
#include "app/shell/library.h"
#include "engine/core/diagnostics.h"
#include "engine/core/run.h"

namespace gs::app {

void DrawMenuBar(const UiState& ui, Commands& cmd);
void DrawLibraryPanel(const std::vector<LibraryEntry>& entries, const std::string& current,
                      Lang lang, char* open_buf, std::size_t open_buf_size, Commands& cmd);
void DrawPlaybackBar(const Run& run, const std::vector<std::size_t>& notable, const Playback& play,
                     UiState& ui, Commands& cmd);
void DrawNarrationPanel(const Run& run, const NarrationCache& cache, Lang lang);
/// A predict-the-next-step question when the next step has one; `answers` holds the
/// learner's pick per quiz entry ("" = not answered yet).
void DrawQuizCard(const Run& run, std::size_t step, Lang lang, std::vector<std::string>& answers);
/// Returns true when there were errors to show.
bool DrawErrorsPanel(const Diagnostics& diags, Lang lang);
void DrawHelpOverlay(Lang lang, Commands& cmd);

}  // namespace gs::app
