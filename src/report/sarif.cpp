#include <map>

#include <nlohmann/json.hpp>

#include "leaspec/report.hpp"

namespace leaspec::report {
namespace {

/// A file path as a URI: a relative reference for a relative path, a file: URI for an
/// absolute one (SARIF readers refuse a reference that begins with a slash); reserved bytes
/// escaped.
std::string to_uri(const std::string& path) {
  static const char* const k_hex = "0123456789ABCDEF";
  std::string result = path.starts_with('/') ? "file://" : "";
  for (char c : path) {
    auto u = static_cast<unsigned char>(c);
    if (std::isalnum(u) || std::string_view("-._~/").find(c) != std::string_view::npos) {
      result += c;
    } else {
      result += '%';
      result += k_hex[u >> 4];
      result += k_hex[u & 15];
    }
  }
  return result;
}

}  // namespace

std::string render_sarif(const std::vector<Diagnostic>& diagnostics, const Context& context) {
  using Json = nlohmann::ordered_json;
  Json rules = Json::array();
  std::map<std::string, std::size_t> index;
  for (const RuleDescription& rule : context.rules) {
    index.emplace(rule.id, rules.size());
    rules.push_back(Json{{"id", rule.id},
                         {"shortDescription", {{"text", rule.summary}}},
                         {"defaultConfiguration", {{"level", to_string(rule.severity)}}}});
  }
  Json results = Json::array();
  for (const Diagnostic& d : diagnostics) {
    Json physical{{"artifactLocation", {{"uri", to_uri(d.file)}}}};
    if (d.position.line > 0) {
      std::uint32_t column = d.position.column;
      // SARIF counts columns in code points here; diagnostics count bytes.
      if (const SourceFile* source = context.source ? context.source(d.file) : nullptr) {
        std::string_view line = source->line(d.position.line);
        std::size_t bytes = std::min<std::size_t>(column > 0 ? column - 1 : 0, line.size());
        column = static_cast<std::uint32_t>(utf8_length(line.substr(0, bytes)) + 1);
      }
      physical["region"] =
          Json{{"startLine", d.position.line}, {"startColumn", std::max(column, 1u)}};
    }
    Json result{{"ruleId", d.rule.empty() ? "leaspec" : d.rule}};
    if (auto found = index.find(d.rule); found != index.end()) {
      result["ruleIndex"] = found->second;
    }
    result["level"] = to_string(d.severity);
    result["message"] = Json{{"text", d.message}};
    result["locations"] = Json::array({Json{{"physicalLocation", physical}}});
    results.push_back(std::move(result));
  }
  Json driver{{"name", "leaspec"}, {"informationUri", "https://leaspec.eu/"}};
  if (!context.tool_version.empty()) {
    driver["version"] = context.tool_version;
  }
  driver["rules"] = std::move(rules);
  Json run{{"tool", {{"driver", std::move(driver)}}},
           {"columnKind", "unicodeCodePoints"},
           {"results", std::move(results)}};
  Json log{{"$schema", "https://json.schemastore.org/sarif-2.1.0.json"},
           {"version", "2.1.0"},
           {"runs", Json::array({std::move(run)})}};
  return log.dump(2, ' ', false, Json::error_handler_t::replace) + "\n";
}

}  // namespace leaspec::report
