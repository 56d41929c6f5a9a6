#include <optional>

#include "leaspec/report.hpp"

namespace leaspec::report {

std::optional<Format> parse_format(std::string_view name) {
  if (name == "text") {
    return Format::text;
  }
  if (name == "json") {
    return Format::json;
  }
  if (name == "sarif") {
    return Format::sarif;
  }
  if (name == "junit") {
    return Format::junit;
  }
  if (name == "github") {
    return Format::github;
  }
  return std::nullopt;
}

std::string render(Format format, const std::vector<Diagnostic>& diagnostics,
                   const Context& context) {
  switch (format) {
    case Format::text:
      return render_text(diagnostics, context);
    case Format::json:
      return render_json(diagnostics, context);
    case Format::sarif:
      return render_sarif(diagnostics, context);
    case Format::junit:
      return render_junit(diagnostics, context);
    case Format::github:
      return render_github(diagnostics, context);
  }
  return {};
}

}  // namespace leaspec::report
