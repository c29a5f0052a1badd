// gopherscope: subcommands run without a display; with none, the window opens.
#include <cstring>
#include <iostream>
#include <string>

#include "app/cli/cli.h"
#include "app/cli/install_paths.h"

#ifdef GS_HAVE_GUI
#include "app/export/export.h"
#include "app/shell/app_main.h"
#endif

int main(int argc, char** argv) {
  const std::string scenarios = gs::cli::ScenarioDir(GS_SCENARIO_DIR);
  if (gs::cli::IsSubcommand(argc, argv)) return gs::cli::RunCli(argc, argv, scenarios.c_str());
#ifdef GS_HAVE_GUI
  if (argc > 1 && !std::strcmp(argv[1], "export")) {
    return gs::app::ExportMain(argc, argv, scenarios.c_str());
  }
  return gs::app::RunApp(argc, argv, scenarios.c_str());
#else
  std::cerr << "gopherscope was built without the window or export (GS_BUILD_APP=OFF).\n"
            << gs::cli::Usage();
  return 2;
#endif
}
