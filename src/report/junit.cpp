#include <fmt/format.h>

#include "leaspec/report.hpp"
#include "leaspec/text.hpp"

namespace leaspec::report {
namespace {

std::string one_line(const Diagnostic& d) {
  std::string location = d.file;
  if (d.position.line > 0) {
    location += fmt::format(":{}:{}", d.position.line, d.position.column);
  }
  return fmt::format("{}: {}: {} [{}]", location, to_string(d.severity), d.message, d.rule);
}

}  // namespace

std::string render_junit(const std::vector<Diagnostic>& diagnostics, const Context& context) {
  std::string cases;
  std::size_t failures = 0;
  for (const std::string& file : context.files) {
    std::size_t errors = 0;
    std::size_t warnings = 0;
    std::string details;
    for (const Diagnostic& d : diagnostics) {
      if (d.file != file) {
        continue;
      }
      errors += d.severity == Severity::error ? 1 : 0;
      warnings += d.severity == Severity::warning ? 1 : 0;
      details += one_line(d) + "\n";
    }
    cases += fmt::format("    <testcase name=\"{}\" classname=\"leaspec.validate\">\n",
                         text::xml_escape(file));
    bool failed = errors > 0 || (context.strict && warnings > 0);
    if (failed) {
      ++failures;
      cases += fmt::format(
          "      <failure type=\"{}\" message=\"{} error{}, {} warning{}\">{}</failure>\n",
          errors > 0 ? "error" : "warning", errors, errors == 1 ? "" : "s", warnings,
          warnings == 1 ? "" : "s", text::xml_escape(details));
    } else if (!details.empty()) {
      cases += fmt::format("      <system-out>{}</system-out>\n", text::xml_escape(details));
    }
    cases += "    </testcase>\n";
  }
  std::size_t tests = context.files.size();
  return fmt::format(
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
      "<testsuites name=\"leaspec\" tests=\"{0}\" failures=\"{1}\" errors=\"0\">\n"
      "  <testsuite name=\"leaspec validate\" tests=\"{0}\" failures=\"{1}\" errors=\"0\" "
      "skipped=\"0\">\n"
      "{2}"
      "  </testsuite>\n"
      "</testsuites>\n",
      tests, failures, cases);
}

}  // namespace leaspec::report
