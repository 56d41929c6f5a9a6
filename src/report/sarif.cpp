#include <map>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "leaspec/report.hpp"
#include "leaspec/text.hpp"

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

using Json = nlohmann::ordered_json;

/// A physical location: the file and, when known, the line and the column in code points.
Json physical_location(const std::string& file, Position position, const Context& context) {
  Json physical{{"artifactLocation", {{"uri", to_uri(file)}}}};
  if (position.line > 0) {
    std::uint32_t column = position.column;
    // SARIF counts columns in code points here; diagnostics count bytes.
    if (const SourceFile* source = context.source ? context.source(file) : nullptr) {
      std::string_view line = source->line(position.line);
      std::size_t bytes = std::min<std::size_t>(column > 0 ? column - 1 : 0, line.size());
      column = static_cast<std::uint32_t>(utf8_length(line.substr(0, bytes)) + 1);
    }
    physical["region"] = Json{{"startLine", position.line}, {"startColumn", std::max(column, 1u)}};
  }
  return physical;
}

Json rule_json(const RuleDescription& rule, const Context& context) {
  Json out{{"id", rule.id},
           {"shortDescription", {{"text", rule.summary}}},
           {"fullDescription", {{"text", rule.help.empty() ? rule.summary : rule.help}}},
           {"help",
            {{"text", rule.help.empty() ? rule.summary : rule.help},
             {"markdown", fmt::format("**{}**\n\n{}", text::markdown_escape(rule.summary, false),
                                      text::markdown_escape(rule.help, false))}}},
           {"defaultConfiguration", {{"level", to_string(rule.severity)}}}};
  if (!context.help_uri.empty()) {
    std::string uri = context.help_uri;
    if (std::size_t at = uri.find("{rule}"); at != std::string::npos) {
      uri.replace(at, 6, rule.id);
    }
    out["helpUri"] = uri;
  }
  Json tags = Json::array({"leaspec"});
  if (!rule.group.empty()) {
    tags.push_back(rule.group);
  }
  out["properties"] = {{"tags", tags}, {"precision", "very-high"}};
  return out;
}

/// A fingerprint that follows a finding when lines move: the rule, the file, the JSON
/// pointer of the value and the text of its line, but not the line number.
std::string fingerprint(const Diagnostic& d, const Context& context) {
  std::string line;
  if (const SourceFile* source = context.source ? context.source(d.file) : nullptr) {
    std::string_view text = source->line(d.position.line);
    std::size_t first = text.find_first_not_of(" \t");
    std::size_t last = text.find_last_not_of(" \t\r");
    if (first != std::string_view::npos) {
      line = std::string(text.substr(first, last - first + 1));
    }
  }
  return text::sha256_hex(d.rule + '\0' + d.file + '\0' + d.pointer + '\0' + line);
}

}  // namespace

std::string render_sarif(const std::vector<Diagnostic>& diagnostics, const Context& context) {
  Json rules = Json::array();
  std::map<std::string, std::size_t> index;
  for (const RuleDescription& rule : context.rules) {
    index.emplace(rule.id, rules.size());
    rules.push_back(rule_json(rule, context));
  }
  Json results = Json::array();
  std::map<std::string, int> seen;
  for (const Diagnostic& d : diagnostics) {
    Json result{{"ruleId", d.rule.empty() ? "leaspec" : d.rule}};
    if (auto found = index.find(d.rule); found != index.end()) {
      result["ruleIndex"] = found->second;
    }
    result["level"] = to_string(d.severity);
    result["message"] = Json{{"text", d.message}};
    result["locations"] =
        Json::array({Json{{"physicalLocation", physical_location(d.file, d.position, context)}}});
    if (!d.related.empty()) {
      Json related = Json::array();
      for (std::size_t i = 0; i < d.related.size(); ++i) {
        const Location& place = d.related[i];
        related.push_back(
            {{"id", i + 1},
             {"physicalLocation", physical_location(place.file, place.position, context)},
             {"message", {{"text", place.message}}}});
      }
      result["relatedLocations"] = std::move(related);
    }
    // Findings with the same fingerprint are told apart by their order.
    std::string print = fingerprint(d, context);
    int occurrence = ++seen[print];
    result["partialFingerprints"] = {
        {"leaspecFindingHash/v1", fmt::format("{}:{}", print, occurrence)}};
    results.push_back(std::move(result));
  }
  Json driver{{"name", "leaspec"}, {"informationUri", "https://leaspec.eu/"}};
  if (!context.tool_version.empty()) {
    driver["version"] = context.tool_version;
    driver["semanticVersion"] = context.tool_version;
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
