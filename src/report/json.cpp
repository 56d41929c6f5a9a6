#include <nlohmann/json.hpp>

#include "leaspec/report.hpp"

namespace leaspec::report {

std::string render_json(const std::vector<Diagnostic>& diagnostics, const Context& context) {
  using Json = nlohmann::ordered_json;
  Json list = Json::array();
  std::size_t errors = 0;
  std::size_t warnings = 0;
  for (const Diagnostic& d : diagnostics) {
    errors += d.severity == Severity::error ? 1 : 0;
    warnings += d.severity == Severity::warning ? 1 : 0;
    list.push_back(Json{{"file", d.file},
                        {"line", d.position.line},
                        {"column", d.position.column},
                        {"severity", std::string(to_string(d.severity))},
                        {"rule", d.rule},
                        {"message", d.message},
                        {"pointer", d.pointer}});
  }
  Json document{
      {"diagnostics", list},
      {"summary", {{"files", context.files.size()}, {"errors", errors}, {"warnings", warnings}}}};
  return document.dump(2, ' ', false, Json::error_handler_t::replace) + "\n";
}

}  // namespace leaspec::report
