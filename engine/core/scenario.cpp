#include "engine/core/scenario.h"

#include "engine/core/file_read.h"

#include <algorithm>
#include <fstream>
#include <sstream>

#include "engine/core/checker.h"
#include "engine/core/limits.h"
#include "engine/core/topics.h"

namespace gs {
namespace {

const std::vector<std::string> kEnvelopeKeys = {"format",     "kind", "id",     "title",  "summary",
                                                "go_version", "tags", "config", "script", "quiz"};

// Applies --set overrides to the parsed document before it is checked.
void ApplySets(const LoadOptions& options, JsonSource& src, Diagnostics& diags) {
  for (const auto& [key, raw] : options.sets) {
    if (key.rfind("config.", 0) != 0 || key.size() <= 7) {
      diags.Add({Severity::kError, src.File(), 0, 0, "",
                 "--set " + key + ": only config.KEY=VALUE can be set"});
      continue;
    }
    Json value = Json::parse(raw, nullptr, /*allow_exceptions=*/false);
    if (value.is_discarded()) value = raw;
    Json& root = src.MutableRoot();
    if (!root.is_object()) return;
    if (!root.contains("config") || !root["config"].is_object()) root["config"] = Json::object();
    root["config"][key.substr(7)] = std::move(value);
  }
}

// Lint: narration present in one language only (a warning; the other language falls back).
void LintLanguages(const Envelope& env, Checker& c) {
  auto check = [&](const LocalizedText& t, const std::string& ptr) {
    if (t.Empty()) return;
    if (t.en.empty()) c.Warn(ptr, "has no English text (\"en\"); English readers see the Chinese");
    if (t.zh.empty()) c.Warn(ptr, "has no Chinese text (\"zh\"); Chinese readers see the English");
  };
  check(env.title, "/title");
  check(env.summary, "/summary");
  for (std::size_t i = 0; i < env.says.size(); ++i) {
    check(env.says[i], Checker::Child(Checker::Child("/script", i), "say"));
    if (i < env.notes.size())
      check(env.notes[i], Checker::Child(Checker::Child("/script", i), "notes"));
  }
  for (std::size_t i = 0; i < env.quiz.size(); ++i) {
    const QuizItem& q = env.quiz[i];
    std::string ptr = Checker::Child("/quiz", i);
    check(q.ask, Checker::Child(ptr, "ask"));
    if (!q.explain.Empty()) check(q.explain, Checker::Child(ptr, "explain"));
    if (!q.answer.empty() &&
        std::find(q.choices.begin(), q.choices.end(), q.answer) == q.choices.end()) {
      c.Warn(Checker::Child(ptr, "answer"), "the answer \"" + q.answer +
                                                "\" is not one of the choices (" +
                                                JoinList(q.choices) + ")");
    }
  }
}

std::optional<Envelope> ReadEnvelope(const Json& root, Checker& c, const TopicSpec** topic_out) {
  Envelope env;
  env.file = c.Source().File();
  if (!c.ExpectObject(root, "")) return std::nullopt;

  if (auto f = c.Int(root, "", "format", true, 1, 1)) env.format = static_cast<int>(*f);
  std::vector<std::string> kinds = KnownKinds();
  const TopicSpec* topic = nullptr;
  if (auto k = c.Enum(root, "", "kind", true, kinds)) {
    env.kind = *k;
    for (const auto& t : Topics()) {
      if (t.kind == *k) topic = &t;
    }
  }
  std::vector<std::string> allowed = kEnvelopeKeys;
  // Without a known kind, any kind's payload key is allowed (the kind error says enough).
  for (const auto& t : Topics()) {
    if (topic && &t != topic) continue;
    allowed.insert(allowed.end(), t.payload_keys.begin(), t.payload_keys.end());
  }
  c.CheckKeys(root, "", allowed);

  if (auto id = c.String(root, "", "id", true, limits::kMaxIdBytes * 2)) {
    if (c.ValidId(*id, "/id")) env.id = *id;
  }
  if (auto t = c.Text(root, "", "title", true)) env.title = *t;
  if (auto t = c.Text(root, "", "summary", false)) env.summary = *t;
  if (auto v = c.String(root, "", "go_version", false, 32)) env.go_version = *v;
  if (const Json* tags = c.Member(root, "", "tags", false)) {
    if (c.ExpectArray(*tags, "/tags", limits::kMaxTags, "kMaxTags")) {
      for (std::size_t i = 0; i < tags->size(); ++i) {
        const Json& t = (*tags)[i];
        if (!t.is_string()) {
          c.Error(Checker::Child("/tags", i), "expected a string, got " + std::string(TypeName(t)));
        } else {
          env.tags.push_back(t.get<std::string>());
        }
      }
    }
  }
  if (const Json* cfg = c.Member(root, "", "config", false)) {
    if (c.ExpectObject(*cfg, "/config")) env.config = *cfg;
  }
  if (const Json* script = c.Member(root, "", "script", true)) {
    if (c.ExpectArray(*script, "/script", limits::kMaxScriptOps, "kMaxScriptOps")) {
      env.says.resize(script->size());
      env.notes.resize(script->size());
      for (std::size_t i = 0; i < script->size(); ++i) {
        const Json& op = (*script)[i];
        std::string ptr = Checker::Child("/script", i);
        if (!op.is_object()) continue;  // the kind reports the type error
        if (auto say = c.Text(op, ptr, "say", false)) env.says[i] = *say;
        if (auto notes = c.Text(op, ptr, "notes", false)) env.notes[i] = *notes;
      }
    }
  }
  if (const Json* quiz = c.Member(root, "", "quiz", false)) {
    if (c.ExpectArray(*quiz, "/quiz", limits::kMaxQuiz, "kMaxQuiz")) {
      for (std::size_t i = 0; i < quiz->size(); ++i) {
        const Json& q = (*quiz)[i];
        std::string ptr = Checker::Child("/quiz", i);
        if (!c.ExpectObject(q, ptr)) continue;
        c.CheckKeys(q, ptr, {"before_step", "ask", "choices", "answer", "explain"});
        QuizItem item;
        if (auto s = c.Int(q, ptr, "before_step", true, 1, limits::kMaxSteps)) {
          item.before_step = static_cast<int>(*s);
        }
        if (auto a = c.Text(q, ptr, "ask", true)) item.ask = *a;
        if (const Json* ch = c.Member(q, ptr, "choices", true)) {
          std::string cptr = Checker::Child(ptr, "choices");
          if (c.ExpectArray(*ch, cptr, limits::kMaxQuizChoices, "kMaxQuizChoices")) {
            for (std::size_t j = 0; j < ch->size(); ++j) {
              if ((*ch)[j].is_string()) {
                item.choices.push_back((*ch)[j].get<std::string>());
              } else {
                c.Error(Checker::Child(cptr, j), "expected a string");
              }
            }
          }
        }
        if (auto a = c.String(q, ptr, "answer", true)) item.answer = *a;
        if (auto e = c.Text(q, ptr, "explain", false)) item.explain = *e;
        env.quiz.push_back(std::move(item));
      }
    }
  }
  *topic_out = topic;
  return env;
}

}  // namespace

std::vector<std::string> KnownKinds() {
  std::vector<std::string> out;
  for (const auto& t : Topics()) out.push_back(t.kind);
  return out;
}

LoadResult LoadScenarioText(const std::string& file, std::string text, const LoadOptions& options) {
  LoadResult result;
  JsonSource src = JsonSource::Parse(file, std::move(text), result.diags);
  if (!src.Ok()) return result;
  ApplySets(options, src, result.diags);
  if (result.diags.HasErrors()) return result;

  Checker checker(src, result.diags);
  const TopicSpec* topic = nullptr;
  std::optional<Envelope> env = ReadEnvelope(src.Root(), checker, &topic);
  if (!env || !topic) return result;
  // Lint warnings are only worth reading once the file loads: collect them aside.
  Diagnostics lint;
  Checker lint_checker(src, lint);
  LintLanguages(*env, lint_checker);
  // The kind still checks its payload after envelope errors, so every error is reported.
  auto run = topic->load(std::move(*env), src.Root(), checker);
  if (checker.Failed()) return result;
  for (const Diagnostic& d : lint.Items()) result.diags.Add(d);
  result.run = std::move(run);
  return result;
}

LoadResult LoadScenarioFile(const std::string& path, const LoadOptions& options) {
  LoadResult result;
  std::string text, error;
  if (!ReadRegularFile(path, limits::kMaxFileBytes, &text, &error)) {
    result.diags.Add({Severity::kError, path, 0, 0, "", error});
    return result;
  }
  return LoadScenarioText(path, std::move(text), options);
}

}  // namespace gs
