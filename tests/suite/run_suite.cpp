// Runs files of the official JSON Schema Test Suite through leaspec's loader and engine.
//
//   run_suite [--formats] [--metaschemas DIR] SUITE_DIR DRAFT EXPECTED_FAILURES FILE...
//
// --formats makes `format` an assertion, for the suite's optional/format files.
// --metaschemas registers every *.json in DIR by its $id (the official meta-schemas), as
// `leaspec validate --ref-dir` does, so that tests which refer to a meta-schema can run.
// Every test whose result differs from the suite's is a failure, unless it is listed in
// EXPECTED_FAILURES ("draft/file.json | group | test" per line, then "  # reason"). A listed test
// that passes is an error too, so the list always matches reality.
// Exit code 77 (a skip) when the suite is missing, or when everything ran passed but some
// tests could not run because the meta-schemas are missing.
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

/// CTest's SKIP_RETURN_CODE for these tests.
constexpr int k_skip = 77;

/// Whether a URI names one of the official meta-schemas or their vocabularies.
bool is_metaschema_uri(const std::string& uri) {
  return uri.find("://json-schema.org/") != std::string::npos;
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
  bool formats = false;
  std::string metaschemas;
  while (argc > 1 && std::string(argv[1]).rfind("--", 0) == 0) {
    std::string option = argv[1];
    if (option == "--formats") {
      formats = true;
    } else if (option == "--metaschemas" && argc > 2) {
      metaschemas = argv[2];
      --argc;
      ++argv;
    } else {
      break;
    }
    --argc;
    ++argv;
  }
  if (argc < 5) {
    std::cerr << "usage: run_suite [--formats] [--metaschemas DIR] SUITE_DIR DRAFT "
                 "EXPECTED_FAILURES FILE...\n";
    return 2;
  }
  try {
    fs::path suite = argv[1];
    std::string draft = argv[2];
    auto dialect = dialect_of(draft);
    if (!dialect) {
      std::cerr << "run_suite: unknown draft " << draft << "\n";
      return 2;
    }
    if (!fs::is_directory(suite / "tests" / draft)) {
      std::cout << "SKIP: the JSON Schema Test Suite is not in " << suite
                << " (set LEASPEC_TEST_DATA to a folder that holds json-schema-test-suite/)\n";
      return k_skip;
    }
    std::set<std::string> expected = read_expected(argv[3]);
    std::set<std::string> seen_expected;
    schema::Registry registry;
    if (!metaschemas.empty() && fs::is_directory(metaschemas)) {
      DiagnosticSink problems;
      registry.add_folder(metaschemas, problems);
      for (const Diagnostic& d : problems.diagnostics()) {
        std::cerr << d.file << ":" << d.position.line << ":" << d.position.column << ": "
                  << d.message << "\n";
      }
      if (problems.has_errors()) {
        return 2;
      }
    }
    bool wants_metaschema = false;
    fs::path remotes = suite / "remotes";
    schema::Fetcher fetcher =
        [&](const std::string& uri) -> std::optional<schema::FetchedDocument> {
      const std::string prefix = "http://localhost:1234/";
      if (uri.rfind(prefix, 0) != 0) {
        std::optional<schema::FetchedDocument> registered = registry.find(uri);
        wants_metaschema = wants_metaschema || (!registered && is_metaschema_uri(uri));
        return registered;
      }
      fs::path path = remotes / uri.substr(prefix.size());
      if (!fs::is_regular_file(path)) {
        return std::nullopt;
      }
      return schema::FetchedDocument{path.string(), read_file(path.string(), 1u << 24), ""};
    };
    schema::Options options;
    options.default_dialect = *dialect;
    options.format_assertion = formats;

    std::size_t passed = 0, failed = 0, listed_failures = 0, unexpected = 0, skipped = 0;
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
      for (const yaml::Node* group : document.root->items()) {
        std::string group_name(group->find("description")->text);
        // The schema is compiled from a document of its own, as a user schema would be.
        std::string schema_json = yaml::to_json(*group->find("schema"));
        SourceFile schema_source(path.string() + " schema", schema_json);
        DiagnosticSink schema_sink;
        yaml::Document schema_document = yaml::load(schema_source, schema_sink);
        wants_metaschema = false;
        auto compiled = schema::Schema::compile(std::move(schema_document),
                                                "http://localhost:1234/suite/" + name, options,
                                                fetcher, schema_sink);
        for (const yaml::Node* test : group->find("tests")->items()) {
          std::string test_name(test->find("description")->text);
          bool want = test->find("valid")->boolean;
          std::string key = fmt::format("{}/{} | {} | {}", draft, name, group_name, test_name);
          bool listed = expected.count(key) > 0;
          if (listed) {
            seen_expected.insert(key);
          }
          if (!compiled && wants_metaschema) {
            ++skipped;
            continue;
          }
          bool got = compiled ? compiled->is_valid(*test->find("data")) : !want;
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
    if (unexpected == 0 && skipped > 0) {
      std::cout << "SKIP: " << skipped << " tests refer to official meta-schemas, which are not in "
                << (metaschemas.empty() ? std::string("(no --metaschemas folder)") : metaschemas)
                << " (LEASPEC_TEST_DATA/metaschemas/ holds one *.json per meta-schema)\n";
      return k_skip;
    }
    return unexpected == 0 ? 0 : 1;
  } catch (const std::exception& e) {
    std::cerr << "run_suite: " << e.what() << "\n";
    return 2;
  }
}
