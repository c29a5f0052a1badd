#include "app/cli/cli.h"

#include <cctype>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <string>
#include <vector>

#include "engine/core/checker.h"
#include "engine/core/scenario.h"
#include "engine/core/topics.h"
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

// Writes a small valid starter scenario; never overwrites an existing file.
int New(const std::vector<std::string>& args, const char* scenario_dir) {
  namespace fs = std::filesystem;
  if (args.size() != 2) {
    std::cerr << "usage: gopherscope new KIND FILE.json   (kinds: " << JoinList(KnownKinds())
              << ")\n";
    return 2;
  }
  const std::string& kind = args[0];
  const TopicSpec* topic = nullptr;
  for (const auto& t : Topics()) {
    if (t.kind == kind) topic = &t;
  }
  if (!topic || !topic->starter) {
    std::cerr << "gopherscope new: unknown kind \"" << kind
              << "\" (kinds: " << JoinList(KnownKinds()) << ")\n";
    return 2;
  }
  fs::path file(args[1]);
  std::error_code ec;
  if (fs::exists(file, ec)) {
    std::cerr << "gopherscope new: " << file.string() << " already exists; not overwriting it\n";
    return 1;
  }
  fs::path dir = file.has_parent_path() ? file.parent_path() : fs::path(".");
  fs::path schema = fs::path(scenario_dir) / "schema" / "scenario.schema.json";
  std::string schema_ref =
      fs::relative(fs::absolute(schema, ec), fs::absolute(dir, ec), ec).generic_string();
  if (ec || schema_ref.empty()) schema_ref = fs::absolute(schema, ec).generic_string();
  std::string id = file.stem().string();
  for (char& ch : id) {
    bool ok = std::isalnum(static_cast<unsigned char>(ch)) || ch == '_' || ch == '-' || ch == '.';
    if (!ok) ch = '-';
  }
  std::string text = topic->starter();
  auto replace = [&](const std::string& key, const std::string& value) {
    for (auto pos = text.find(key); pos != std::string::npos;
         pos = text.find(key, pos + value.size())) {
      text.replace(pos, key.size(), value);
    }
  };
  replace("@SCHEMA@", schema_ref);
  replace("@ID@", id.empty() ? "my-scenario" : id);
  std::ofstream out(file, std::ios::binary);
  if (!out || !(out << text)) {
    std::cerr << "gopherscope new: cannot write " << file.string() << "\n";
    return 1;
  }
  std::cout << "wrote " << file.string() << " (" << kind << "); try: gopherscope trace "
            << file.string() << "\n";
  return 0;
}

}  // namespace

const char* Usage() {
  return "usage:\n"
         "  gopherscope [--scenario FILE] [--step N] [--theme dark|light] [--lang en|zh]\n"
         "              [--fullscreen] [--screenshot OUT.png] [--compare MODE,MODE...]\n"
         "              [--editor] [--presenter] [--size WxH]\n"
         "                                                          open the window\n"
         "  gopherscope validate FILE...                            check scenario files\n"
         "  gopherscope new KIND FILE.json                          write a starter scenario\n"
         "  gopherscope trace FILE [--lang en|zh] [--json] [--set config.KEY=VALUE]\n"
         "                                                          print the timeline\n"
         "  gopherscope export FILE [--steps A-B] [--format png|gif|svg] [--size WxH]\n"
         "              [--theme dark|light] [--lang en|zh] [--out PATH] [--no-narration]\n"
         "                                                          slides and clips, no display\n";
}

bool IsSubcommand(int argc, char** argv) {
  if (argc < 2) return false;
  const char* a = argv[1];
  return !std::strcmp(a, "validate") || !std::strcmp(a, "trace") || !std::strcmp(a, "new") ||
         !std::strcmp(a, "--help") || !std::strcmp(a, "-h") || !std::strcmp(a, "help") ||
         !std::strcmp(a, "--version");
}

int RunCli(int argc, char** argv, const char* scenario_dir) {
  std::string cmd = argv[1];
  std::vector<std::string> rest(argv + 2, argv + argc);
  if (cmd == "validate") return Validate(rest);
  if (cmd == "trace") return Trace(rest);
  if (cmd == "new") return New(rest, scenario_dir);
  if (cmd == "--version") {
    std::cout << "gopherscope " GS_VERSION "\n";
    return 0;
  }
  std::cout << Usage();
  return 0;
}

}  // namespace gs::cli
