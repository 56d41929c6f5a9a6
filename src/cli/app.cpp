#include <cstdio>
#include <cstdlib>
#include <exception>
#include <iostream>

#include <unistd.h>

#include <fmt/format.h>
#include <CLI/CLI.hpp>

#include "cli/app.hpp"
#include "leaspec/check/checker.hpp"
#include "leaspec/schema.hpp"
#include "leaspec/source.hpp"

namespace leaspec::cli {

std::string_view git_description();

namespace {

/// When the first argument names no command, says so, with the closest command when one is
/// a likely typo; nothing when it names one (or is an option).
std::optional<std::string> unknown_command(const CLI::App& app, int argc, char** argv) {
  if (argc < 2 || argv[1][0] == '-') {
    return std::nullopt;
  }
  std::string word = argv[1];
  std::vector<std::string> names;
  for (const CLI::App* sub : app.get_subcommands([](const CLI::App*) { return true; })) {
    if (sub->get_name() == word) {
      return std::nullopt;
    }
    names.push_back(sub->get_name());
  }
  if (std::optional<std::string> closest = schema::did_you_mean(word, names)) {
    return fmt::format("unknown command {}; did you mean {}?", word, *closest);
  }
  return fmt::format("unknown command {}; the commands are {}", word, fmt::join(names, ", "));
}

/// With LEASPEC_STATS set, what the run did: each schema compiled and how often, and the
/// number of sources checked.
void print_stats() {
  const char* wanted = std::getenv("LEASPEC_STATS");
  if (wanted == nullptr || *wanted == '\0') {
    return;
  }
  for (const auto& [uri, count] : schema::compilations()) {
    fmt::print(stderr, "leaspec: stats: schema {} compiled {} {}\n", uri, count,
               count == 1 ? "time" : "times");
  }
  std::size_t sources = check::checked_sources();
  fmt::print(stderr, "leaspec: stats: {} {} checked\n", sources,
             sources == 1 ? "source" : "sources");
}

}  // namespace

std::string version_text() {
  std::string_view description = git_description();
  return description.empty() ? fmt::format("leaspec {}", LEASPEC_VERSION)
                             : fmt::format("leaspec {} ({})", LEASPEC_VERSION, description);
}

bool use_colour(std::FILE* stream) {
  const char* no_colour = std::getenv("NO_COLOR");
  if (no_colour && *no_colour) {
    return false;
  }
  const char* term = std::getenv("TERM");
  if (term && std::string_view(term) == "dumb") {
    return false;
  }
  return isatty(fileno(stream)) == 1;
}

void print_error(const std::string& message) {
  std::fflush(stdout);
  fmt::print(stderr, "leaspec: error: {}\n", message);
}

std::vector<std::string> format_names_and_json(doc::DocumentKind kind) {
  std::vector<std::string> names = write::format_names(kind);
  names.emplace_back("json");
  return names;
}

bool can_write_to(const std::string& output, const std::optional<write::Format>& format,
                  const std::string& name) {
  if (output == "-" && format && !write::is_text(*format)) {
    print_error(fmt::format("{} is a binary format; write it to a file with -o FILE", name));
    return false;
  }
  return true;
}

namespace {

/// Parses the command line and runs the command; returns the exit code.
int run_command(int argc, char** argv) {
  CLI::App app{
      "leaspec: requirement specifications for police technology, checked and turned "
      "into joint procurement documents"};
  app.name("leaspec");
  app.set_version_flag("--version", version_text(), "Print the version and the git description");
  app.require_subcommand(1);
  app.footer(
      "Examples:\n"
      "  leaspec validate specs/                 check every spec below specs/\n"
      "  leaspec validate --format json bwc.yaml machine-readable findings\n"
      "  leaspec generate annex bwc.yaml --format docx -o annex.docx\n"
      "  leaspec export reqif bwc.yaml -o bwc.reqifz\n"
      "  leaspec import reqif doors.reqifz -o bwc.yaml  a spec from a requirements tool\n"
      "  leaspec import answers bids/*.xlsx          evaluate bidders' compliance matrices\n"
      "  leaspec merge nl.yaml pl.yaml -o joint.yaml  one joint spec\n"
      "  leaspec diff v1.yaml v2.yaml --format md     a corrigendum\n"
      "  leaspec site specs/ -o site              a browsable HTML site\n"
      "  leaspec schema > spec.schema.json       the JSON Schema, for editors\n"
      "  leaspec rules                           every rule and its severity\n"
      "  leaspec catalog cpv camera              search the CPV catalog\n"
      "  leaspec init specs/bwc.yaml             a commented starter spec\n"
      "  leaspec completion bash                 the shell completion script\n\n"
      "Exit codes: 0 success, 1 the input has errors, 2 usage, I/O or internal error.\n"
      "See leaspec(1) and leaspec-<command>(1).");
  int exit_code = k_exit_ok;
  setup_validate(app, exit_code);
  setup_generate(app, exit_code);
  setup_export(app, exit_code);
  setup_import(app, exit_code);
  setup_merge(app, exit_code);
  setup_conformance(app, exit_code);
  setup_diff(app, exit_code);
  setup_translate(app, exit_code);
  setup_site(app, exit_code);
  setup_schema(app, exit_code);
  setup_rules(app, exit_code);
  setup_catalog(app, exit_code);
  setup_init(app, exit_code);
  setup_completion(app, exit_code);
  if (std::optional<std::string> unknown = unknown_command(app, argc, argv)) {
    print_error(*unknown);
    fmt::print(stderr, "Run 'leaspec --help' for usage.\n");
    return k_exit_failure;
  }
  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForAllHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForVersion& e) {
    return app.exit(e);
  } catch (const CLI::RequiredError& e) {
    if (argc <= 1) {
      std::cerr << app.help();
    }
    print_error(e.what());
    return k_exit_failure;
  } catch (const CLI::ParseError& e) {
    print_error(e.what());
    fmt::print(stderr, "Run 'leaspec --help' for usage.\n");
    return k_exit_failure;
  } catch (const Error& e) {
    print_error(e.what());
    return k_exit_failure;
  } catch (const std::exception& e) {
    print_error(fmt::format("internal error: {}", e.what()));
    return k_exit_failure;
  }
  return exit_code;
}

}  // namespace

int run(int argc, char** argv) {
  int exit_code = run_command(argc, argv);
  print_stats();
  return exit_code;
}

}  // namespace leaspec::cli
