// JSON of merge and diff results, for tools that read them rather than people.
#include <string_view>
#include <unordered_set>

#include <nlohmann/json.hpp>

#include "leaspec/export.hpp"

namespace leaspec::exports {
namespace {

using Json = nlohmann::ordered_json;

std::string_view direction_name(joint::Direction direction) {
  switch (direction) {
    case joint::Direction::tightened:
      return "tightened";
    case joint::Direction::relaxed:
      return "relaxed";
    case joint::Direction::none:
      return "none";
  }
  return "none";
}

std::string_view word_op(joint::Word::Mark mark) {
  switch (mark) {
    case joint::Word::Mark::kept:
      return "keep";
    case joint::Word::Mark::removed:
      return "delete";
    case joint::Word::Mark::added:
      return "insert";
  }
  return "keep";
}

Json side_json(const joint::Side& side) {
  return {{"file", side.file},
          {"line", side.position.line},
          {"column", side.position.column},
          {"pointer", side.pointer}};
}

Json words_json(const std::vector<joint::Word>& words) {
  Json list = Json::array();
  for (const joint::Word& word : words) {
    list.push_back({{"op", word_op(word.mark)}, {"word", word.text}});
  }
  return list;
}

Json finding_json(const joint::Finding& f) {
  Json sides = Json::array();
  for (const joint::Side& side : f.sides) {
    sides.push_back(side_json(side));
  }
  Json item{{"conflict", f.conflict}, {"kind", joint::name(f.kind)}, {"subject", f.subject},
            {"message", f.message},   {"reason", f.reason},          {"sides", sides}};
  if (!f.versions.empty()) {
    Json versions = Json::array();
    for (const joint::Version& v : f.versions) {
      Json version{{"side", side_json(v.side)},
                   {"id", v.id},
                   {"text", v.text},
                   {"priority", spec::name(v.priority)},
                   {"metric", v.metric.empty() ? Json() : Json(v.metric)}};
      if (!f.common_unit.empty()) {
        version["metric_in_common_unit"] = v.metric_common;
      }
      versions.push_back(std::move(version));
    }
    item["common_unit"] = f.common_unit.empty() ? Json() : Json(f.common_unit);
    item["versions"] = std::move(versions);
  }
  if (!f.words.empty()) {
    item["words"] = words_json(f.words);
  }
  return item;
}

}  // namespace

void write_diff_json(const std::vector<joint::Change>& changes, const text::Sink& sink) {
  // The document is {"changes": [...], "equal": ...} as nlohmann's dump(2) writes it; each
  // change is dumped alone and indented to its place (a raw line break occurs in JSON text
  // only between tokens), so that only one change is ever held as a JSON value.
  text::SinkBuffer out(sink);
  out.write(changes.empty() ? "{\n  \"changes\": []" : "{\n  \"changes\": [");
  const char* separator = "\n    ";
  for (const joint::Change& c : changes) {
    Json item{{"kind", joint::name(c.kind)},
              {"subject", c.subject},
              {"section", c.section},
              {"summary", c.summary},
              {"before", c.before},
              {"after", c.after},
              {"direction", direction_name(c.direction)}};
    if (!c.agency.empty()) {
      item["agency"] = c.agency;
    }
    if (!c.words.empty()) {
      item["words"] = words_json(c.words);
    }
    std::string text = item.dump(2, ' ', false, Json::error_handler_t::replace);
    out.write(separator);
    separator = ",\n    ";
    std::size_t start = 0;
    for (std::size_t end = text.find('\n'); end != std::string::npos;
         start = end + 1, end = text.find('\n', start)) {
      out.write(std::string_view(text).substr(start, end + 1 - start));
      out.write("    ");
    }
    out.write(std::string_view(text).substr(start));
  }
  out.write(changes.empty() ? ",\n  \"equal\": true\n}\n" : "\n  ],\n  \"equal\": false\n}\n");
  out.flush();
}

std::string diff_json(const std::vector<joint::Change>& changes) {
  return text::collect([&](const text::Sink& sink) { write_diff_json(changes, sink); });
}

std::string merge_report_json(const joint::MergeResult& result) {
  Json findings = Json::array();
  for (const joint::Finding& f : result.findings) {
    findings.push_back(finding_json(f));
  }
  Json quantities = Json::array();
  for (const joint::QuantityLine& line : result.quantities) {
    Json sources = Json::array();
    for (const joint::QuantitySource& source : line.sources) {
      sources.push_back(
          {{"side", side_json(source.side)}, {"amount", source.amount}, {"own", source.own}});
    }
    quantities.push_back({{"lot", line.lot},
                          {"agency", line.agency},
                          {"sources", sources},
                          {"result", line.result ? Json(*line.result) : Json()}});
  }
  // An ordered object looks a key up by walking its entries, so the entries are appended
  // to it directly; the joint spec's ids are unique, and a repeated one is skipped.
  Json coverage = Json::object();
  auto& entries = static_cast<Json::object_t::Container&>(coverage.get_ref<Json::object_t&>());
  std::unordered_set<std::string_view> listed;
  spec::for_each_requirement(result.joint, [&](const spec::Requirement& r, const spec::Section&) {
    if (!listed.insert(r.id.value).second) {
      return;
    }
    auto asked = result.coverage.find(r.id.value);
    entries.emplace_back(r.id.value,
                         asked == result.coverage.end() ? Json::array() : Json(asked->second));
  });
  Json report{{"joint", result.joint.id.value},  {"inputs", result.inputs},
              {"conflicts", result.conflicts()}, {"findings", findings},
              {"quantities", quantities},        {"coverage", coverage}};
  return report.dump(2, ' ', false, Json::error_handler_t::replace) + "\n";
}

}  // namespace leaspec::exports
