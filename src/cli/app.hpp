#pragma once
// The command line: one CLI11 app, one file per subcommand, exit codes per design.

#include <cstdio>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "leaspec/write.hpp"

namespace CLI {
class App;
}

namespace leaspec::cli {

/// Exit codes: success, findings in the input, usage or I/O or internal failure.
enum ExitCode : int { k_exit_ok = 0, k_exit_findings = 1, k_exit_failure = 2 };

/// Parses the arguments, runs the subcommand and returns the process exit code.
int run(int argc, char** argv);

/// Whether to colour what goes to `stream`: only on a terminal, never with NO_COLOR.
bool use_colour(std::FILE* stream = stdout);

/// Prints `leaspec: error: message` to standard error.
void print_error(const std::string& message);

/// The formats a kind of document can be written in, and json, for a --format option.
std::vector<std::string> format_names_and_json(doc::DocumentKind kind);

/// Whether output in `format` (nullopt for json) can go to `output`; a binary format cannot
/// go to standard output, which is printed as an error.
bool can_write_to(const std::string& output, const std::optional<write::Format>& format,
                  const std::string& name);

/// Each subcommand adds itself to `app`; its callback stores the exit code it ends with.
void setup_validate(CLI::App& app, int& exit_code);
void setup_schema(CLI::App& app, int& exit_code);
void setup_rules(CLI::App& app, int& exit_code);
void setup_catalog(CLI::App& app, int& exit_code);
void setup_generate(CLI::App& app, int& exit_code);
void setup_export(CLI::App& app, int& exit_code);
void setup_import(CLI::App& app, int& exit_code);
void setup_merge(CLI::App& app, int& exit_code);
void setup_diff(CLI::App& app, int& exit_code);
void setup_site(CLI::App& app, int& exit_code);
void setup_init(CLI::App& app, int& exit_code);
void setup_completion(CLI::App& app, int& exit_code);
void setup_translate(CLI::App& app, int& exit_code);
void setup_conformance(CLI::App& app, int& exit_code);

/// Adds `--standard FILE` (repeatable): common standards that conforms_to is resolved
/// among before the bundled ones.
void add_standard_option(CLI::App& sub, std::vector<std::string>& files);

/// The bundled JSON Schema `name` (spec, config, export) as indented JSON; nothing when there
/// is no such schema.
std::optional<std::string> bundled_schema_json(std::string_view name);

/// "leaspec 0.1.0", followed by the git description of the sources it was built from when
/// they were known at build time.
std::string version_text();

}  // namespace leaspec::cli
