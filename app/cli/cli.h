// The display-free subcommands of the gopherscope program: validate, trace.
#pragma once

namespace gs::cli {

/// True when argv[1] names a subcommand (or --help/--version) handled by RunCli.
bool IsSubcommand(int argc, char** argv);
/// Runs the subcommand; returns the process exit code.
int RunCli(int argc, char** argv, const char* scenario_dir);
/// The usage text shared by --help and the GUI-less build.
const char* Usage();

}  // namespace gs::cli
