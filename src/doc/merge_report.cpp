// The merge report: every conflict and decision with the places in the inputs it comes from,
// both versions of a requirement side by side, each agency's quantities, and which agency
// asked for which requirement.
#include <algorithm>
#include <filesystem>

#include "doc/builder.hpp"

namespace leaspec::doc {
namespace {

/// A file as the report names it: without the folders, which differ between machines.
std::string file_name(const std::string& path) {
  return std::filesystem::path(path).filename().string();
}

std::string side_text(const joint::Side& side) {
  return side.position.line ? fmt::format("{}:{}", file_name(side.file), side.position.line)
                            : file_name(side.file);
}

std::string sides_text(const std::vector<joint::Side>& sides) {
  std::string text;
  for (const joint::Side& side : sides) {
    text += (text.empty() ? "" : ", ") + side_text(side);
  }
  return text;
}

class MergeReportBuilder {
 public:
  MergeReportBuilder(Document& document, const Context& context)
      : m_out(document, context), m_strings(context.strings) {}

  void build(const joint::MergeResult& result) {
    m_out.heading(1, m_out.text("merge_heading", result.joint.id.value));
    std::vector<std::string> inputs;
    for (const std::string& input : result.inputs) {
      inputs.push_back(file_name(input));
    }
    m_out.paragraph(m_out.text("merge_inputs", fmt::join(inputs, ", ")));
    std::size_t conflicts = result.conflicts();
    m_out.paragraph(m_out.text("merge_counts", conflicts, result.findings.size() - conflicts));
    findings(result, true, "merge_conflicts");
    findings(result, false, "merge_decisions");
    quantities(result);
    coverage(result);
  }

 private:
  void findings(const joint::MergeResult& result, bool conflicts, std::string_view key) {
    bool any = std::any_of(result.findings.begin(), result.findings.end(),
                           [&](const joint::Finding& f) { return f.conflict == conflicts; });
    if (!any) {
      return;
    }
    m_out.heading(2, m_strings[key]);
    for (const joint::Finding& f : result.findings) {
      if (f.conflict != conflicts) {
        continue;
      }
      std::string said = f.reason.empty() ? f.message + "."
                         : f.conflict     ? fmt::format("{}: {}.", f.message, f.reason)
                                          : fmt::format("{}; {}.", f.message, f.reason);
      m_out.paragraph(
          Inline{{clean_text(f.subject), true, false},
                 {clean_text(fmt::format(" ({}): {} ", joint::name(f.kind), said))},
                 {clean_text(m_out.text("merge_sides", sides_text(f.sides))), false, true}});
      versions(f);
    }
  }

  /// Both versions of a requirement side by side, and their wordings aligned.
  void versions(const joint::Finding& f) {
    if (f.versions.empty()) {
      return;
    }
    bool metrics = std::any_of(f.versions.begin(), f.versions.end(),
                               [](const joint::Version& v) { return !v.metric.empty(); });
    Table table;
    table.widths =
        metrics ? std::vector<double>{1.6, 1.0, 1.3, 1.3, 4.0} : std::vector<double>{1.6, 1.0, 6.6};
    std::vector<Inline> header{Builder::plain(m_strings["col_input"]),
                               Builder::plain(m_strings["col_priority"])};
    if (metrics) {
      header.push_back(Builder::plain(m_strings["col_bound"]));
      header.push_back(Builder::plain(f.common_unit.empty()
                                          ? m_strings["col_bound"]
                                          : m_out.text("col_bound_common", f.common_unit)));
    }
    header.push_back(Builder::plain(m_strings["col_statement"]));
    table.rows.push_back(std::move(header));
    for (const joint::Version& version : f.versions) {
      std::vector<Inline> row{Builder::plain(side_text(version.side)),
                              Builder::plain(localised(m_strings, version.priority))};
      if (metrics) {
        row.push_back(Builder::plain(version.metric));
        row.push_back(Builder::plain(version.metric_common));
      }
      row.push_back(Builder::plain(version.text));
      table.rows.push_back(std::move(row));
    }
    m_out.table(std::move(table));
    if (!f.words.empty()) {
      Inline runs{{clean_text(m_strings["merge_wording"]), false, true}};
      for (Run& run : word_runs(f.words)) {
        runs.push_back(std::move(run));
      }
      m_out.paragraph(std::move(runs));
    }
  }

  void quantities(const joint::MergeResult& result) {
    if (result.quantities.empty()) {
      return;
    }
    m_out.heading(2, m_strings["merge_quantities"]);
    m_out.paragraph(m_strings["merge_quantities_intro"]);
    Table table;
    table.widths = {1.2, 1.5, 4.0, 1.5};
    table.rows.push_back(
        {Builder::plain(m_strings["col_lots"]), Builder::plain(m_strings["col_agency"]),
         Builder::plain(m_strings["col_stated"]), Builder::plain(m_strings["col_joint"])});
    for (const joint::QuantityLine& line : result.quantities) {
      std::vector<std::string> stated;
      for (const joint::QuantitySource& source : line.sources) {
        stated.push_back(fmt::format("{}: {}{}", side_text(source.side), source.amount,
                                     source.own ? " (" + m_strings["merge_own_spec"] + ")" : ""));
      }
      table.rows.push_back({Builder::plain(line.lot), Builder::plain(line.agency),
                            Builder::plain(fmt::format("{}", fmt::join(stated, "; "))),
                            Builder::plain(line.result ? std::to_string(*line.result)
                                                       : m_strings["merge_unsettled"])});
    }
    m_out.table(std::move(table));
  }

  void coverage(const joint::MergeResult& result) {
    m_out.heading(2, m_strings["merge_coverage"]);
    m_out.paragraph(m_strings["merge_coverage_intro"]);
    Table table;
    table.widths.push_back(2.5);
    std::vector<Inline> header{Builder::plain(m_strings["col_id"])};
    for (const spec::Agency& agency : result.joint.agencies) {
      header.push_back(Builder::plain(agency.id.value));
      table.widths.push_back(1.5);
    }
    table.rows.push_back(std::move(header));
    spec::for_each_requirement(result.joint, [&](const spec::Requirement& r, const spec::Section&) {
      std::vector<Inline> row{Builder::word(r.id.value)};
      auto asked = result.coverage.find(r.id.value);
      for (const spec::Agency& agency : result.joint.agencies) {
        bool yes = asked != result.coverage.end() &&
                   std::find(asked->second.begin(), asked->second.end(), agency.id.value) !=
                       asked->second.end();
        row.push_back(Builder::plain(yes ? "\xE2\x9C\x93" : ""));
      }
      table.rows.push_back(std::move(row));
    });
    m_out.table(std::move(table));
  }

  Builder m_out;
  const Strings& m_strings;
};

}  // namespace

Document build_merge_report(const joint::MergeResult& result, const Context& context) {
  Document document = start_document(DocumentKind::merge_report, result.joint, context,
                                     "merge_title", "merge_subject");
  MergeReportBuilder(document, context).build(result);
  return document;
}

}  // namespace leaspec::doc
