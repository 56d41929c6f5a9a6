// A conformance report as JSON, for tools that read it rather than people.
#include <nlohmann/json.hpp>

#include "leaspec/export.hpp"

namespace leaspec::exports {
namespace {

using Json = nlohmann::ordered_json;

Json place(const std::string& file, const Position& position) {
  return {{"file", file}, {"line", position.line}, {"column", position.column}};
}

Json row_json(const spec::Spec& spec, const conform::StandardResult& result,
              const conform::Row& row) {
  Json out = {{"clause", row.clause->id.value},
              {"clause_priority", spec::name(row.clause->priority.value)},
              {"implemented_by", nullptr},
              {"by_parameter", row.by_parameter},
              {"standard_bound", row.standard_bound},
              {"spec_bound", row.spec_bound},
              {"verdict", conform::name(row.verdict)},
              {"reason", row.reason}};
  if (row.implementer) {
    out["implemented_by"] = row.implementer->id.value;
    out["priority"] = spec::name(row.implementer->priority.value);
    const Position& at =
        row.implementer->metric ? row.implementer->metric->position : row.implementer->position;
    out["location"] = place(spec.file, at);
  } else {
    out["location"] = place(spec.file, result.entry->position);
  }
  return out;
}

}  // namespace

std::string conformance_json(const spec::Spec& spec, const conform::Report& report) {
  Json standards = Json::array();
  for (const conform::StandardResult& result : report.standards) {
    Json rows = Json::array();
    for (const conform::Row& row : result.rows) {
      rows.push_back(row_json(spec, result, row));
    }
    Json counts = Json::object();
    for (std::size_t i = 0; i < conform::k_verdict_names.size(); ++i) {
      auto verdict = static_cast<conform::Verdict>(i);
      counts[std::string(conform::name(verdict))] = result.count(verdict);
    }
    standards.push_back({{"standard", result.entry->standard.value},
                         {"version", result.entry->version.value},
                         {"known", result.standard != nullptr},
                         {"title", result.standard ? result.standard->title : ""},
                         {"newer_version", result.newer_version()},
                         {"counts", counts},
                         {"clauses", rows}});
  }
  Json out = {{"spec", spec.id.value},
              {"version", spec.version},
              {"file", spec.file},
              {"conforms", !report.fails()},
              {"standards", standards}};
  return out.dump(2) + "\n";
}

}  // namespace leaspec::exports
