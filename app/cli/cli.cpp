#include "app/cli/cli.h"

#include <cctype>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <string>
#include <vector>

#include "app/cli/cli_parse.h"
#include "engine/core/checker.h"
#include "engine/core/scenario.h"
#include "engine/core/topics.h"
#include "engine/core/trace.h"

namespace gs::cli {
namespace {

int Validate(const std::vector<std::string>& args) {
  CLI::App app{"Checks scenario files: every error with its file, line, column and JSON path.",
               "gopherscope validate"};
  std::vector<std::string> files;
  app.add_option("FILE", files, "scenario files (.json)")->required();
  if (int rc = ParseArgs(app, args, std::cout, std::cerr); rc >= 0) return rc;
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
  CLI::App app{"Prints a scenario's timeline: one line per step with its narration.",
               "gopherscope trace"};
  std::string file, lang_name = "en";
  bool json = false;
  std::vector<std::string> sets;
  app.add_option("FILE", file, "the scenario")->required();
  app.add_option("--lang", lang_name, "narration language")->check(CLI::IsMember({"en", "zh"}));
  app.add_flag("--json", json, "one JSON object per step, with the state summary");
  app.add_option("--set", sets, "override a config value, e.g. --set config.barrier=none")
      ->allow_extra_args(false)
      ->check([](const std::string& kv) {
        return kv.find('=') == std::string::npos ? std::string("takes config.KEY=VALUE")
                                                 : std::string();
      });
  if (int rc = ParseArgs(app, args, std::cout, std::cerr); rc >= 0) return rc;
  Lang lang = Lang::kEn;
  ParseLang(lang_name, &lang);
  LoadOptions opts;
  for (const std::string& kv : sets) {
    const auto eq = kv.find('=');
    opts.sets.emplace_back(kv.substr(0, eq), kv.substr(eq + 1));
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
  CLI::App app{"Writes a small valid starter scenario of a kind; never overwrites a file.",
               "gopherscope new"};
  std::string kind, out_file;
  app.add_option("KIND", kind, "scenario kind: " + JoinList(KnownKinds()))->required();
  app.add_option("FILE", out_file, "the new scenario file (.json)")->required();
  if (int rc = ParseArgs(app, args, std::cout, std::cerr); rc >= 0) return rc;
  const TopicSpec* topic = nullptr;
  for (const auto& t : Topics()) {
    if (t.kind == kind) topic = &t;
  }
  if (!topic || !topic->starter) {
    std::cerr << "gopherscope new: unknown kind \"" << kind
              << "\" (kinds: " << JoinList(KnownKinds()) << ")\n";
    return 2;
  }
  fs::path file(out_file);
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
         "                                                          slides and clips, no display\n"
         "  gopherscope SUBCOMMAND --help                           the options of one\n";
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
