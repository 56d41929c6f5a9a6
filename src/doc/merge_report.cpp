// The merge report: every conflict and decision with the places in the inputs it comes from,
// and which agency asked for which requirement.
#include <algorithm>
#include <filesystem>

#include "doc/builder.hpp"

namespace leaspec::doc {
namespace {

/// A file as the report names it: without the folders, which differ between machines.
std::string file_name(const std::string& path) {
  return std::filesystem::path(path).filename().string();
}

std::string sides_text(const std::vector<joint::Side>& sides) {
  std::string text;
  for (const joint::Side& side : sides) {
    text += text.empty() ? "" : ", ";
    text += side.position.line ? fmt::format("{}:{}", file_name(side.file), side.position.line)
                               : file_name(side.file);
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
    coverage(result);
  }

 private:
  void findings(const joint::MergeResult& result, bool conflicts, std::string_view key) {
    std::vector<Inline> items;
    for (const joint::Finding& f : result.findings) {
      if (f.conflict != conflicts) {
        continue;
      }
      items.push_back(Inline{
          {clean_text(f.subject), true, false},
          {clean_text(fmt::format(" ({}): {}. ", joint::name(f.kind), f.message)), false, false},
          {clean_text(m_out.text("merge_sides", sides_text(f.sides))), false, true}});
    }
    if (items.empty()) {
      return;
    }
    m_out.heading(2, m_strings[key]);
    m_out.list(std::move(items));
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
