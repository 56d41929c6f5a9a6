// Rule configuration: severities, rules turned off, added terms, suppressions, and the
// configuration file itself.
#include <doctest/doctest.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>

#include "rules_harness.hpp"

using namespace leaspec;
using namespace leaspec::test;

TEST_CASE("configuration sets severities, turns rules off and adds vague terms") {
  std::string text = replace(k_base, "The camera may record sound.",
                             "The camera may record sound, if possible, smoothly.");
  check::Config config;
  config.severities["escape-clause"] = Severity::error;
  config.vague_terms = {"smoothly"};
  CHECK(run_rules(text, config) ==
        Lines{"41:44 error: \"if possible\" is an escape clause: a bidder could claim it was not "
              "possible [escape-clause]",
              "41:57 warning: \"smoothly\" is vague: state a measurable criterion instead, "
              "for example a value and a unit in a metric [vague-term]"});
  config.severities["vague-term"] = std::nullopt;
  CHECK(run_rules(text, config).size() == 1);
}

TEST_CASE("inline suppression and lint_ignore silence one requirement") {
  std::string text = replace(k_base, "The camera may record sound.",
                             "The camera may record sound quickly.  # leaspec: ignore[vague-term]");
  CHECK(run_rules(text) == Lines{});
  text = replace(k_base, "The camera may record sound.\n        priority: optional\n",
                 "The camera may record sound quickly.\n        priority: optional\n"
                 "        lint_ignore: [vague-term]\n");
  CHECK(run_rules(text) == Lines{});
  text = replace(k_base, "The camera should weigh no more than 200 g.",
                 "The camera should weigh no more than 200 g, etc.  # leaspec: ignore[vague-term]");
  CHECK(run_rules(text) ==
        Lines{"37:59 warning: \"etc\" leaves the list open: name every item [open-ended]"});
}

namespace {

/// Writes `text` to a fresh configuration file in a temporary folder; removed on destruction.
struct ConfigFile {
  std::string folder;
  std::string path;
  explicit ConfigFile(const std::string& text, const std::string& name = ".leaspec.yaml") {
    char pattern[] = "/tmp/leaspec-config-XXXXXX";
    folder = mkdtemp(pattern);
    path = folder + "/" + name;
    std::FILE* file = std::fopen(path.c_str(), "w");
    REQUIRE(file);
    std::fputs(text.c_str(), file);
    std::fclose(file);
  }
  ~ConfigFile() { std::system(("rm -rf '" + folder + "'").c_str()); }
};

std::vector<std::string> problems(const std::string& text) {
  ConfigFile file(text);
  DiagnosticSink sink;
  CHECK_FALSE(check::load_config(file.path, sink));
  std::vector<std::string> lines;
  for (const Diagnostic& d : sink.diagnostics()) {
    lines.push_back(
        fmt::format("{}:{} {} [{}]", d.position.line, d.position.column, d.message, d.rule));
  }
  return lines;
}

}  // namespace

TEST_CASE("a configuration file is read into severities and terms") {
  ConfigFile file("rules:\n  vague-term: error\n  must: off\n  will: note\nvague_terms: [nice]\n");
  DiagnosticSink sink;
  std::optional<check::Config> config = check::load_config(file.path, sink);
  REQUIRE(config);
  CHECK(sink.diagnostics().empty());
  CHECK(config->file == file.path);
  CHECK(config->severities.at("vague-term") == Severity::error);
  CHECK_FALSE(config->severities.at("must"));
  CHECK(config->severities.at("will") == Severity::note);
  CHECK(config->vague_terms == std::vector<std::string>{"nice"});
}

TEST_CASE("a broken configuration gets positioned findings, never a silent default") {
  CHECK(problems("rules:\n  vage-term: error\n") ==
        Lines{"2:3 unknown rule \"vage-term\"; did you mean \"vague-term\"? [invalid-config]"});
  CHECK(problems("rules:\n  yaml-syntax: off\n") ==
        Lines{"2:3 rule \"yaml-syntax\" cannot be configured: findings of the loading stage are "
              "always errors [invalid-config]"});
  CHECK(problems("rules: [must]\n").size() == 1);
  CHECK(problems("rules:\n  must: loud\n").size() == 1);
}

TEST_CASE("the nearest .leaspec.yaml above a spec applies") {
  ConfigFile file("rules: {}\n");
  std::string inner = file.folder + "/a/b";
  REQUIRE(std::system(("mkdir -p '" + inner + "'").c_str()) == 0);
  std::optional<std::string> found = check::find_config(inner + "/spec.yaml");
  REQUIRE(found);
  CHECK(std::filesystem::weakly_canonical(*found) == std::filesystem::weakly_canonical(file.path));
}
