// Command lines are parsed with CLI11 (Debian libcli11-dev): one CLI::App per subcommand,
// so every subcommand has its own --help, unknown flags and bad values get a clear error,
// and all of them read the same way.
#pragma once

#include <CLI/CLI.hpp>

#include <iosfwd>
#include <string>
#include <vector>

namespace gs::cli {

/// Parses `args` (without the program and subcommand names). Returns -1 when the command
/// should run, else the exit code: 0 after --help (printed to `out`), 2 after an error
/// (printed to `err` with a pointer to --help).
int ParseArgs(CLI::App& app, std::vector<std::string> args, std::ostream& out, std::ostream& err);

/// A CLI11 check: "" when `v` is WxH with both sides in [lo, hi], else a message.
std::string CheckSize(const std::string& v, int lo_w, int lo_h, int hi);

/// Reads WxH; false when it is not two positive integers joined by x.
bool ReadSize(const std::string& v, int* w, int* h);

}  // namespace gs::cli
