#include "app/cli/cli_parse.h"

#include <algorithm>
#include <cstdio>
#include <ostream>

namespace gs::cli {

int ParseArgs(CLI::App& app, std::vector<std::string> args, std::ostream& out, std::ostream& err) {
  std::reverse(args.begin(), args.end());  // CLI::App::parse(vector) takes them last first
  try {
    app.parse(args);
  } catch (const CLI::CallForHelp&) {
    out << app.help();
    return 0;
  } catch (const CLI::ParseError& e) {
    err << app.get_name() << ": " << e.what() << "\n"
        << "Run " << app.get_name() << " --help for the options.\n";
    return 2;
  }
  return -1;
}

bool ReadSize(const std::string& v, int* w, int* h) {
  char x = 0, extra = 0;
  return std::sscanf(v.c_str(), "%d%c%d%c", w, &x, h, &extra) == 3 && x == 'x' && *w > 0 && *h > 0;
}

std::string CheckSize(const std::string& v, int lo_w, int lo_h, int hi) {
  int w = 0, h = 0;
  if (ReadSize(v, &w, &h) && w >= lo_w && h >= lo_h && w <= hi && h <= hi) return "";
  return "takes WxH from " + std::to_string(lo_w) + "x" + std::to_string(lo_h) + " to " +
         std::to_string(hi) + "x" + std::to_string(hi) + ", e.g. 1280x720 (got " + v + ")";
}

}  // namespace gs::cli
