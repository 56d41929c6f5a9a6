// Runs files of the official JSON Schema Test Suite through leaspec's loader and engine.
//
//   run_suite [--formats] SUITE_DIR DRAFT EXPECTED_FAILURES FILE...
//
// --formats makes `format` an assertion, for the suite's optional/format files.
// Every test whose result differs from the suite's is a failure, unless it is listed in
// EXPECTED_FAILURES ("draft/file.json | group | test" per line, then "  # reason"). A listed test
// that passes is an error too, so the list always matches reality.
#include <filesystem>
#include <fstream>
#include <iostream>
#include <set>
#include <string>

#include <fmt/format.h>

#include "leaspec/schema.hpp"
#include "leaspec/source.hpp"
#include "leaspec/yaml.hpp"

namespace fs = std::filesystem;
using namespace leaspec;

namespace {

std::optional<schema::Dialect> dialect_of(const std::string& draft) {
  if (draft == "draft4")
    return schema::Dialect::draft4;
  if (draft == "draft6")
    return schema::Dialect::draft6;
  if (draft == "draft7")
    return schema::Dialect::draft7;
  if (draft == "draft2019-09")
    return schema::Dialect::draft2019_09;
  if (draft == "draft2020-12")
    return schema::Dialect::draft2020_12;
  return std::nullopt;
}

std::string trim(std::string text) {
  auto begin = text.find_first_not_of(" \t");
  auto end = text.find_last_not_of(" \t\r");
  return begin == std::string::npos ? "" : text.substr(begin, end - begin + 1);
}

std::set<std::string> read_expected(const std::string& path) {
  std::set<std::string> expected;
  std::ifstream in(path);
  if (!in) {
    throw Error("cannot read the expected-failures list " + path);
  }
  std::string line;
  while (std::getline(in, line)) {
    // A line is "key  # reason"; lines that start with # are comments.
    line = trim(line.substr(0, line.find("  # ")));
    if (!line.empty() && line[0] != '#') {
      expected.insert(line);
    }
  }
  return expected;
}

}  // namespace

int main(int argc, char** argv) {
  bool formats = argc > 1 && std::string(argv[1]) == "--formats";
  if (formats) {
    --argc;
    ++argv;
  }
  if (argc < 5) {
    std::cerr << "usage: run_suite [--formats] SUITE_DIR DRAFT EXPECTED_FAILURES FILE...\n";
    return 2;
  }
  try {
    fs::path suite = argv[1];
    std::string draft = argv[2];
    auto dialect = dialect_of(draft);
    if (!dialect || !fs::is_directory(suite / "tests" / draft)) {
      std::cerr << "run_suite: cannot find the test suite for " << draft << " in " << suite
                << "; the suite must be present for this test to run\n";
      return 2;
    }
    std::set<std::string> expected = read_expected(argv[3]);
    std::set<std::string> seen_expected;
    fs::path remotes = suite / "remotes";
    schema::Fetcher fetcher =
        [&](const std::string& uri) -> std::optional<schema::FetchedDocument> {
      const std::string prefix = "http://localhost:1234/";
      if (uri.rfind(prefix, 0) != 0) {
        return std::nullopt;
      }
      fs::path path = remotes / uri.substr(prefix.size());
      if (!fs::is_regular_file(path)) {
        return std::nullopt;
      }
      return schema::FetchedDocument{path.string(), read_file(path.string(), 1u << 24)};
    };
    schema::Options options;
    options.default_dialect = *dialect;
    options.format_assertion = formats;

    std::size_t passed = 0, failed = 0, listed_failures = 0, unexpected = 0;
    for (int i = 4; i < argc; ++i) {
      std::string name = argv[i];
      fs::path path = suite / "tests" / draft / name;
      SourceFile source(path.string(), read_file(path.string(), 1u << 26));
      DiagnosticSink sink;
      yaml::Document document = yaml::load(source, sink, {1u << 26, 64, 10'000'000});
      if (!document.root || document.root->kind != yaml::Kind::sequence) {
        std::cerr << draft << "/" << name << ": does not load\n";
        for (const auto& d : sink.diagnostics()) {
          std::cerr << "  " << d.position.line << ":" << d.position.column << " " << d.message
                    << "\n";
        }
        ++unexpected;
        continue;
      }
      for (const yaml::Node* group : document.root->items) {
        std::string group_name = group->find("description")->text;
        // The schema is compiled from a document of its own, as a user schema would be.
        std::string schema_json = yaml::to_json(*group->find("schema"));
        SourceFile schema_source(path.string() + " schema", schema_json);
        DiagnosticSink schema_sink;
        yaml::Document schema_document = yaml::load(schema_source, schema_sink);
        auto compiled = schema::Schema::compile(std::move(schema_document),
                                                "http://localhost:1234/suite/" + name, options,
                                                fetcher, schema_sink);
        for (const yaml::Node* test : group->find("tests")->items) {
          std::string test_name = test->find("description")->text;
          bool want = test->find("valid")->boolean;
          bool got = compiled ? compiled->is_valid(*test->find("data")) : !want;
          std::string key = fmt::format("{}/{} | {} | {}", draft, name, group_name, test_name);
          bool listed = expected.count(key) > 0;
          if (listed) {
            seen_expected.insert(key);
          }
          if (got == want) {
            ++passed;
            if (listed) {
              std::cout << "UNEXPECTED PASS (remove it from the list): " << key << "\n";
              ++unexpected;
            }
          } else {
            ++failed;
            listed_failures += listed ? 1 : 0;
            if (!listed) {
              std::cout << "FAIL: " << key << (compiled ? "" : " (schema did not compile)") << "\n";
              for (const auto& d : schema_sink.diagnostics()) {
                std::cout << "    schema: " << d.message << "\n";
              }
              ++unexpected;
            }
          }
        }
      }
    }
    for (const std::string& key : expected) {
      bool in_run = false;
      for (int i = 4; i < argc; ++i) {
        if (key.rfind(draft + "/" + argv[i] + " |", 0) == 0) {
          in_run = true;
        }
      }
      if (in_run && !seen_expected.count(key)) {
        std::cout << "LISTED BUT NOT FOUND: " << key << "\n";
        ++unexpected;
      }
    }
    std::cout << draft << ": " << passed << " passed, " << failed << " failed (" << listed_failures
              << " listed as expected), " << unexpected << " unexpected\n";
    return unexpected == 0 ? 0 : 1;
  } catch (const std::exception& e) {
    std::cerr << "run_suite: " << e.what() << "\n";
    return 2;
  }
}
