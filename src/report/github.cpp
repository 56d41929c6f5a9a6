#include <fmt/format.h>

#include "leaspec/report.hpp"

namespace leaspec::report {
namespace {

/// Escapes workflow-command data; properties also escape ':' and ','.
std::string escape(std::string_view text, bool property) {
  std::string result;
  for (char c : text) {
    switch (c) {
      case '%':
        result += "%25";
        break;
      case '\r':
        result += "%0D";
        break;
      case '\n':
        result += "%0A";
        break;
      case ':':
        result += property ? "%3A" : ":";
        break;
      case ',':
        result += property ? "%2C" : ",";
        break;
      default:
        result += c;
    }
  }
  return result;
}

std::string_view command_of(Severity severity) {
  switch (severity) {
    case Severity::error:
      return "error";
    case Severity::warning:
      return "warning";
    case Severity::note:
      return "notice";
  }
  return "error";
}

}  // namespace

std::string render_github(const std::vector<Diagnostic>& diagnostics, const Context& /*context*/) {
  std::string out;
  for (const Diagnostic& d : diagnostics) {
    std::string properties = "file=" + escape(d.file, true);
    if (d.position.line > 0) {
      properties += fmt::format(",line={},col={}", d.position.line, d.position.column);
    }
    if (!d.rule.empty()) {
      properties += ",title=" + escape(d.rule, true);
    }
    out +=
        fmt::format("::{} {}::{}\n", command_of(d.severity), properties, escape(d.message, false));
  }
  return out;
}

}  // namespace leaspec::report
