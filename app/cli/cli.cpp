#include "app/cli/cli.h"

#include <cstring>
#include <iostream>
#include <string>
#include <vector>

#include "engine/core/scenario.h"
#include "engine/core/trace.h"

namespace gs::cli {
namespace {

int Validate(const std::vector<std::string>& files) {
  if (files.empty()) {
    std::cerr << "usage: gopherscope validate FILE...\n";
    return 2;
  }
  int bad = 0;
  for (const auto& f : files) {
    LoadResult r = LoadScenarioFile(f);
    std::cerr << r.diags.FormatAll();
    if (r.run) {
      std::cout << f << ": ok (" << r.run->Meta().kind << ", " << r.run->StepCount() - 1
                << " steps)\n";
    } else {
      std::cout << f << ": " << r.diags.ErrorCount() << " error(s)\n";
      ++bad;
    }
  }
  return bad ? 1 : 0;
}

int Trace(const std::vector<std::string>& args) {
  std::string file;
  Lang lang = Lang::kEn;
  bool json = false;
  LoadOptions opts;
  for (std::size_t i = 0; i < args.size(); ++i) {
    const std::string& a = args[i];
    if (a == "--json") {
      json = true;
    } else if (a == "--lang" && i + 1 < args.size()) {
      if (!ParseLang(args[++i], &lang)) {
        std::cerr << "gopherscope trace: --lang takes en or zh\n";
        return 2;
      }
    } else if (a == "--set" && i + 1 < args.size()) {
      const std::string& kv = args[++i];
      auto eq = kv.find('=');
      if (eq == std::string::npos) {
        std::cerr << "gopherscope trace: --set takes config.KEY=VALUE\n";
        return 2;
      }
      opts.sets.emplace_back(kv.substr(0, eq), kv.substr(eq + 1));
    } else if (!a.empty() && a[0] == '-') {
      std::cerr << "gopherscope trace: unknown option " << a << "\n";
      return 2;
    } else if (file.empty()) {
      file = a;
    } else {
      std::cerr << "gopherscope trace: one FILE only\n";
      return 2;
    }
  }
  if (file.empty()) {
    std::cerr << "usage: gopherscope trace FILE [--lang en|zh] [--json] [--set config.KEY=VALUE]\n";
    return 2;
  }
  LoadResult r = LoadScenarioFile(file, opts);
  std::cerr << r.diags.FormatAll();
  if (!r.run) return 1;
  if (json) {
    WriteJsonTrace(*r.run, lang, std::cout);
  } else {
    WriteTextTrace(*r.run, lang, std::cout);
  }
  return 0;
}

}  // namespace

const char* Usage() {
  return "usage:\n"
         "  gopherscope [--scenario FILE] [--step N] [--theme dark|light] [--lang en|zh]\n"
         "              [--fullscreen] [--screenshot OUT.png] [--compare MODE,MODE...]\n"
         "                                                          open the window\n"
         "  gopherscope validate FILE...                            check scenario files\n"
         "  gopherscope trace FILE [--lang en|zh] [--json] [--set config.KEY=VALUE]\n"
         "                                                          print the timeline\n";
}

bool IsSubcommand(int argc, char** argv) {
  if (argc < 2) return false;
  const char* a = argv[1];
  return !std::strcmp(a, "validate") || !std::strcmp(a, "trace") || !std::strcmp(a, "--help") ||
         !std::strcmp(a, "-h") || !std::strcmp(a, "help") || !std::strcmp(a, "--version");
}

int RunCli(int argc, char** argv) {
  std::string cmd = argv[1];
  std::vector<std::string> rest(argv + 2, argv + argc);
  if (cmd == "validate") return Validate(rest);
  if (cmd == "trace") return Trace(rest);
  if (cmd == "--version") {
    std::cout << "gopherscope 0.1.0\n";
    return 0;
  }
  std::cout << Usage();
  return 0;
}

}  // namespace gs::cli
