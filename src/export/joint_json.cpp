// JSON of merge and diff results, for tools that read them rather than people.
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

}  // namespace

std::string diff_json(const std::vector<joint::Change>& changes) {
  Json list = Json::array();
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
      Json words = Json::array();
      for (const joint::Word& word : c.words) {
        words.push_back({{"op", word_op(word.mark)}, {"word", word.text}});
      }
      item["words"] = words;
    }
    list.push_back(item);
  }
  return Json{{"changes", list}, {"equal", changes.empty()}}.dump(2, ' ', false,
                                                                  Json::error_handler_t::replace) +
         "\n";
}

std::string merge_report_json(const joint::MergeResult& result) {
  Json findings = Json::array();
  for (const joint::Finding& f : result.findings) {
    Json sides = Json::array();
    for (const joint::Side& side : f.sides) {
      sides.push_back(side_json(side));
    }
    findings.push_back({{"conflict", f.conflict},
                        {"kind", joint::name(f.kind)},
                        {"subject", f.subject},
                        {"message", f.message},
                        {"sides", sides}});
  }
  Json coverage = Json::object();
  spec::for_each_requirement(result.joint, [&](const spec::Requirement& r, const spec::Section&) {
    auto asked = result.coverage.find(r.id.value);
    coverage[r.id.value] = asked == result.coverage.end() ? Json::array() : Json(asked->second);
  });
  Json report{{"joint", result.joint.id.value},
              {"inputs", result.inputs},
              {"conflicts", result.conflicts()},
              {"findings", findings},
              {"coverage", coverage}};
  return report.dump(2, ' ', false, Json::error_handler_t::replace) + "\n";
}

}  // namespace leaspec::exports
