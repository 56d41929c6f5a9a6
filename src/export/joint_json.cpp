// JSON of merge and diff results, for tools that read them rather than people.
#include <fmt/format.h>
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
  // Written as text rather than through a JSON tree, which for a large diff takes several
  // times the memory of the output; the layout is nlohmann::json's with an indent of 2.
  auto quoted = [](std::string_view text) {
    return Json(text).dump(-1, ' ', false, Json::error_handler_t::replace);
  };
  std::string out = changes.empty() ? "{\n  \"changes\": []" : "{\n  \"changes\": [";
  for (std::size_t i = 0; i < changes.size(); ++i) {
    const joint::Change& c = changes[i];
    out += i == 0 ? "\n    {\n" : ",\n    {\n";
    auto field = [&](std::string_view key, std::string_view value, bool last) {
      out += fmt::format("      \"{}\": {}{}\n", key, quoted(value), last ? "" : ",");
    };
    bool agency = !c.agency.empty();
    bool words = !c.words.empty();
    field("kind", joint::name(c.kind), false);
    field("subject", c.subject, false);
    field("section", c.section, false);
    field("summary", c.summary, false);
    field("before", c.before, false);
    field("after", c.after, false);
    field("direction", direction_name(c.direction), !agency && !words);
    if (agency) {
      field("agency", c.agency, !words);
    }
    if (words) {
      out += "      \"words\": [\n";
      for (std::size_t w = 0; w < c.words.size(); ++w) {
        out += fmt::format(
            "        {{\n          \"op\": \"{}\",\n          \"word\": {}\n        }}{}\n",
            word_op(c.words[w].mark), quoted(c.words[w].text), w + 1 < c.words.size() ? "," : "");
      }
      out += "      ]\n";
    }
    out += "    }";
  }
  out += changes.empty() ? ",\n" : "\n  ],\n";
  out += fmt::format("  \"equal\": {}\n}}\n", changes.empty() ? "true" : "false");
  return out;
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
                        {"sides", std::move(sides)}});
  }
  Json coverage = Json::object();
  spec::for_each_requirement(result.joint, [&](const spec::Requirement& r, const spec::Section&) {
    auto asked = result.coverage.find(r.id.value);
    coverage[r.id.value] = asked == result.coverage.end() ? Json::array() : Json(asked->second);
  });
  Json report{{"joint", result.joint.id.value},
              {"inputs", result.inputs},
              {"conflicts", result.conflicts()},
              {"findings", std::move(findings)},
              {"coverage", std::move(coverage)}};
  std::string text = report.dump(2, ' ', false, Json::error_handler_t::replace);
  text += '\n';
  return text;
}

}  // namespace leaspec::exports
