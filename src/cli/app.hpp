#pragma once
// The command line: one CLI11 app, one file per subcommand, exit codes per design.

#include <cstdio>
#include <string>

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

/// Each subcommand adds itself to `app`; its callback stores the exit code it ends with.
void setup_validate(CLI::App& app, int& exit_code);
void setup_schema(CLI::App& app, int& exit_code);
void setup_rules(CLI::App& app, int& exit_code);
void setup_catalog(CLI::App& app, int& exit_code);
void setup_generate(CLI::App& app, int& exit_code);
void setup_export(CLI::App& app, int& exit_code);
void setup_merge(CLI::App& app, int& exit_code);
void setup_diff(CLI::App& app, int& exit_code);
void setup_site(CLI::App& app, int& exit_code);

}  // namespace leaspec::cli
