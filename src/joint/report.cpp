// The merge report: every conflict and decision with both sides, and who asked for what.
#include <set>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "leaspec/joint.hpp"

namespace leaspec::joint {
namespace {

std::string sides_text(const std::vector<Origin>& sides) {
  std::string text;
  for (const Origin& o : sides) {
    text += (text.empty() ? "" : ", ") + (o.line ? fmt::format("{}:{}", o.file, o.line) : o.file);
  }
  return text;
}

std::string cell(const std::string& text) {
  std::string out;
  for (char c : text) {
    if (c == '|') {
      out += "\\|";
    } else if (c == '\n') {
      out += ' ';
    } else {
      out += c;
    }
  }
  return out;
}

std::vector<std::string> agencies_of(const MergeResult& result) {
  std::vector<std::string> ids;
  for (const spec::Agency& agency : result.joint.agencies) {
    ids.push_back(agency.id.value);
  }
  return ids;
}

}  // namespace

std::string report_markdown(const MergeResult& result, const std::vector<std::string>& inputs) {
  std::string out = fmt::format("# Merge report: {}\n\nInputs: {}.\n\n", result.joint.id.value,
                                fmt::join(inputs, ", "));
  std::size_t conflicts = result.conflicts();
  out += fmt::format("{} conflict{}, {} decision{}.\n\n", conflicts, conflicts == 1 ? "" : "s",
                     result.findings.size() - conflicts,
                     result.findings.size() - conflicts == 1 ? "" : "s");
  for (bool conflict : {true, false}) {
    out += conflict ? "## Conflicts\n\n" : "## Decisions\n\n";
    bool any = false;
    for (const Finding& f : result.findings) {
      if (f.conflict == conflict) {
        out += fmt::format("- **{}** ({}): {}. Sides: {}.\n", cell(f.subject), f.kind,
                           cell(f.message), sides_text(f.sides));
        any = true;
      }
    }
    out += any ? "\n" : "None.\n\n";
  }
  out += "## Coverage\n\nWhich agency asked for which requirement.\n\n| Requirement |";
  std::vector<std::string> agencies = agencies_of(result);
  for (const std::string& agency : agencies) {
    out += " " + agency + " |";
  }
  out += "\n| --- |";
  for (std::size_t i = 0; i < agencies.size(); ++i) {
    out += " :-: |";
  }
  out += "\n";
  spec::for_each_requirement(result.joint, [&](const spec::Requirement& r, const spec::Section&) {
    out += "| " + r.id.value + " |";
    auto asked = result.coverage.find(r.id.value);
    for (const std::string& agency : agencies) {
      bool yes =
          asked != result.coverage.end() &&
          std::find(asked->second.begin(), asked->second.end(), agency) != asked->second.end();
      out += yes ? " \xE2\x9C\x93 |" : "  |";
    }
    out += "\n";
  });
  return out;
}

std::string report_json(const MergeResult& result, const std::vector<std::string>& inputs) {
  using Json = nlohmann::ordered_json;
  Json findings = Json::array();
  for (const Finding& f : result.findings) {
    Json sides = Json::array();
    for (const Origin& o : f.sides) {
      sides.push_back({{"file", o.file}, {"line", o.line}});
    }
    findings.push_back({{"conflict", f.conflict},
                        {"kind", f.kind},
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
              {"inputs", inputs},
              {"conflicts", result.conflicts()},
              {"findings", findings},
              {"coverage", coverage}};
  return report.dump(2) + "\n";
}

}  // namespace leaspec::joint
