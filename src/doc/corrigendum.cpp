// The corrigendum notice: what changed between two versions of a spec, in words a
// contracting authority publishes.
#include "doc/builder.hpp"

namespace leaspec::doc {
namespace {

/// The fixed-text key that states a change of this kind.
std::string_view key_of(joint::ChangeKind kind) {
  switch (kind) {
    case joint::ChangeKind::added:
      return "change_added";
    case joint::ChangeKind::removed:
      return "change_removed";
    case joint::ChangeKind::renamed:
      return "change_renamed";
    case joint::ChangeKind::statement:
      return "change_statement";
    case joint::ChangeKind::priority:
      return "change_priority";
    case joint::ChangeKind::metric:
      return "change_metric";
    case joint::ChangeKind::lots:
      return "change_lots";
    case joint::ChangeKind::references:
      return "change_references";
    case joint::ChangeKind::lot_added:
      return "change_lot_added";
    case joint::ChangeKind::lot_removed:
      return "change_lot_removed";
    case joint::ChangeKind::quantity:
      return "change_quantity";
    case joint::ChangeKind::cpv:
      return "change_cpv";
    case joint::ChangeKind::award_weight:
      return "change_award_weight";
    case joint::ChangeKind::reference:
      return "change_reference";
  }
  return "";
}

/// A priority's localised name, for a change that names priorities by their format names.
std::string priority_label(const Strings& strings, const std::string& name) {
  auto priority = spec::parse<spec::Priority>(name);
  return priority ? localised(strings, *priority) : name;
}

class CorrigendumBuilder {
 public:
  CorrigendumBuilder(Document& document, const Context& context)
      : m_out(document, context), m_strings(context.strings) {}

  void build(const std::vector<joint::Change>& changes, const spec::Spec& before,
             const spec::Spec& after) {
    m_out.heading(1,
                  m_out.text("corrigendum_heading", after.id.value, before.version, after.version));
    if (changes.empty()) {
      m_out.paragraph(m_strings["corrigendum_none"]);
      return;
    }
    std::vector<Inline> items;
    items.reserve(changes.size());
    for (const joint::Change& change : changes) {
      items.push_back(item(change));
    }
    m_out.list(std::move(items));
  }

 private:
  Inline item(const joint::Change& c) const {
    std::string_view key = key_of(c.kind);
    switch (c.kind) {
      case joint::ChangeKind::statement: {
        Inline runs{{clean_text(m_out.text(key, c.subject)) + " ", false, false}};
        for (Run& run : word_runs(c.words)) {
          runs.push_back(std::move(run));
        }
        return runs;
      }
      case joint::ChangeKind::priority:
        return Builder::plain(m_out.text(key, c.subject, priority_label(m_strings, c.before),
                                         priority_label(m_strings, c.after)));
      case joint::ChangeKind::metric: {
        std::string how = c.direction == joint::Direction::tightened ? m_strings["tightened"]
                          : c.direction == joint::Direction::relaxed ? m_strings["relaxed"]
                                                                     : m_strings["changed"];
        return Builder::plain(m_out.text(key, c.subject, c.before, c.after, how));
      }
      case joint::ChangeKind::quantity:
        return Builder::plain(m_out.text(key, c.subject, c.agency, c.before, c.after));
      case joint::ChangeKind::reference:
        return Builder::plain(
            c.before.empty()  ? m_out.text("change_reference_added", c.subject, c.after)
            : c.after.empty() ? m_out.text("change_reference_removed", c.subject, c.before)
                              : m_out.text(key, c.subject, c.before, c.after));
      default:
        return Builder::plain(m_out.text(key, c.subject, c.before, c.after));
    }
  }

  Builder m_out;
  const Strings& m_strings;
};

}  // namespace

Document build_corrigendum(const std::vector<joint::Change>& changes, const spec::Spec& before,
                           const spec::Spec& after, const Context& context) {
  Document document = start_document(DocumentKind::corrigendum, after, context, "corrigendum_title",
                                     "corrigendum_subject");
  CorrigendumBuilder(document, context).build(changes, before, after);
  return document;
}

}  // namespace leaspec::doc
