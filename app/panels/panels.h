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
                      Lang lang, LibraryInput& input, Commands& cmd);
void DrawPlaybackBar(const Run& run, const std::vector<std::size_t>& notable, const Playback& play,
                     UiState& ui, Commands& cmd);
void DrawNarrationPanel(const Run& run, const NarrationCache& cache, Lang lang);
/// Predict, then reveal: the question while its checkpoint step is shown (choices as buttons,
/// a pick goes to `cmd.quiz_pick`), and once the step is revealed whether the prediction was
/// right and why. Nothing when `step` is neither.
void DrawQuizCard(const Run& run, std::size_t step, Lang lang, const QuizFlow& quiz, Commands& cmd);
/// Returns true when there were errors to show.
bool DrawErrorsPanel(const Diagnostics& diags, Lang lang);
void DrawHelpOverlay(Lang lang, Commands& cmd);

}  // namespace gs::app
