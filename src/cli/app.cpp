#include <cstdio>
#include <cstdlib>
#include <exception>
#include <iostream>

#include <unistd.h>

#include <fmt/format.h>
#include <CLI/CLI.hpp>

#include "cli/app.hpp"
#include "leaspec/source.hpp"

namespace leaspec::cli {

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

int run(int argc, char** argv) {
  CLI::App app{
      "leaspec: requirement specifications for police technology, checked and turned "
      "into joint procurement documents"};
  app.name("leaspec");
  app.set_version_flag("--version", std::string("leaspec ") + LEASPEC_VERSION);
  app.require_subcommand(1);
  app.footer(
      "Examples:\n"
      "  leaspec validate specs/                 check every spec below specs/\n"
      "  leaspec validate --format json bwc.yaml machine-readable findings\n"
      "  leaspec generate annex bwc.yaml --format docx -o annex.docx\n"
      "  leaspec export reqif bwc.yaml -o bwc.reqifz\n"
      "  leaspec merge nl.yaml pl.yaml -o joint.yaml  one joint spec\n"
      "  leaspec diff v1.yaml v2.yaml --format md     a corrigendum\n"
      "  leaspec site specs/ -o site              a browsable HTML site\n"
      "  leaspec schema > spec.schema.json       the JSON Schema, for editors\n"
      "  leaspec rules                           every rule and its severity\n"
      "  leaspec catalog cpv camera              search the CPV catalog\n\n"
      "Exit codes: 0 success, 1 the input has errors, 2 usage, I/O or internal error.\n"
      "See leaspec(1) and leaspec-<command>(1).");
  int exit_code = k_exit_ok;
  setup_validate(app, exit_code);
  setup_generate(app, exit_code);
  setup_export(app, exit_code);
  setup_merge(app, exit_code);
  setup_diff(app, exit_code);
  setup_site(app, exit_code);
  setup_schema(app, exit_code);
  setup_rules(app, exit_code);
  setup_catalog(app, exit_code);
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

}  // namespace leaspec::cli
