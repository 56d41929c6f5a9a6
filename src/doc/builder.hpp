#pragma once
// Helpers the document builders share.

#include <fmt/format.h>

#include "leaspec/doc.hpp"
#include "leaspec/text.hpp"

namespace leaspec::doc {

using text::clean_text;

/// Appends blocks to a document, with shorthands for the usual shapes.
class Builder {
 public:
  Builder(Document& document, const Context& context)
      : m_document(document), m_strings(context.strings), m_rendering(context.rendering) {}

  const Strings& strings() const { return m_strings; }
  /// A fixed text with {0}, {1}... replaced.
  template <class... Args>
  std::string text(std::string_view key, const Args&... args) const {
    return fmt::format(fmt::runtime(m_strings[key]), args...);
  }

  void heading(int level, const std::string& text) {
    m_document.blocks.push_back(Heading{level, clean_text(text)});
  }
  void paragraph(Inline runs, Paragraph::Style style = Paragraph::Style::body) {
    m_document.blocks.push_back(Paragraph{std::move(runs), style});
  }
  void paragraph(const std::string& text, Paragraph::Style style = Paragraph::Style::body) {
    paragraph(plain(text), style);
  }
  void list(std::vector<Inline> items, bool numbered = false) {
    m_document.blocks.push_back(List{numbered, std::move(items)});
  }
  void table(Table table) { m_document.blocks.push_back(std::move(table)); }
  void page_break() { m_document.blocks.push_back(PageBreak{}); }

  static Inline plain(const std::string& text) { return {Run{clean_text(text), false, false}}; }

  /// A text of the spec, by its translation key, in the document's languages: the main
  /// language's, then the second's in italics on a line of its own. A text with no current
  /// translation is the source text after the untranslated mark.
  Inline spec_text(std::string_view key, const std::string& source, bool strong = false) const;
  /// The same on one line, for headings and titles: the languages joined by " / ".
  std::string spec_line(std::string_view key, const std::string& source) const;
  /// A note that says what the untranslated mark means and, in two languages, which is
  /// which; nothing when the document shows the texts as written.
  void language_notes();
  /// An identifier or a fixed word (a priority), kept on one line; bold when `strong`.
  static Inline word(const std::string& text, bool strong = false) {
    return {unbroken(text, strong)};
  }
  /// Identifiers or fixed words one per line, so that none breaks at its hyphens in a
  /// narrow column.
  static Inline lines(const std::vector<std::string>& texts) {
    Inline runs;
    for (const std::string& text : texts) {
      if (!runs.empty()) {
        runs.push_back({"\n", false, false});
      }
      runs.push_back(unbroken(text, false));
    }
    return runs;
  }
  /// Fixed words (verification methods) joined by commas, each kept whole.
  static Inline words(const std::vector<std::string>& texts) {
    Inline runs;
    for (const std::string& text : texts) {
      if (!runs.empty()) {
        runs.push_back({", ", false, false});
      }
      runs.push_back(unbroken(text, false));
    }
    return runs;
  }
  static Run unbroken(const std::string& text, bool strong) {
    Run run{clean_text(text), strong, false};
    run.unbroken = true;
    return run;
  }
  static Inline bold(const std::string& text) { return {Run{clean_text(text), true, false}}; }
  static Inline italic(const std::string& text) { return {Run{clean_text(text), false, true}}; }

 private:
  /// The untranslated mark: "[EN, not translated]".
  std::string untranslated_mark() const;

  Document& m_document;
  const Strings& m_strings;
  const translate::Rendering* m_rendering;
};

/// The localised name of an enumerated value: `prefix_value`, or the value when unknown.
inline std::string localised(const Strings& strings, std::string_view prefix,
                             const std::string& value) {
  auto found = strings.all().find(fmt::format("{}_{}", prefix, value));
  return found == strings.all().end() ? value : found->second;
}

/// The prefix of the fixed-text keys that name the values of a vocabulary.
template <class E>
inline constexpr std::string_view k_label_prefix = "";
template <>
inline constexpr std::string_view k_label_prefix<spec::Priority> = "priority";
template <>
inline constexpr std::string_view k_label_prefix<spec::Status> = "status";
template <>
inline constexpr std::string_view k_label_prefix<spec::Verification> = "verification";
template <>
inline constexpr std::string_view k_label_prefix<spec::AgencyRole> = "role";
template <>
inline constexpr std::string_view k_label_prefix<spec::Procedure> = "procedure";
template <>
inline constexpr std::string_view k_label_prefix<spec::Nature> = "nature";
template <>
inline constexpr std::string_view k_label_prefix<spec::AwardMethod> = "method";
template <>
inline constexpr std::string_view k_label_prefix<spec::CriterionType> = "type";
template <>
inline constexpr std::string_view k_label_prefix<spec::Deliverable> = "deliverable";
template <>
inline constexpr std::string_view k_label_prefix<spec::Stage> = "stage";

/// The localised name of a vocabulary value.
template <class E>
std::string localised(const Strings& strings, E value) {
  static_assert(!k_label_prefix<E>.empty(), "the vocabulary has no fixed texts");
  return localised(strings, k_label_prefix<E>, std::string(spec::name(value)));
}

/// The localised verification methods of a requirement.
inline std::vector<std::string> verification_names(const Strings& strings,
                                                   const spec::Requirement& r) {
  std::vector<std::string> names;
  for (spec::Verification method : r.verification) {
    names.push_back(localised(strings, method));
  }
  return names;
}

/// Items joined by `separator`.
inline std::string join(const std::vector<std::string>& items, std::string_view separator = ", ") {
  std::string result;
  for (const std::string& item : items) {
    result += (result.empty() ? "" : std::string(separator)) + item;
  }
  return result;
}

/// The spec's reference with this id, or nullptr.
inline const spec::Reference* find_reference(const spec::Spec& spec, std::string_view id) {
  for (const spec::Reference& reference : spec.references) {
    if (reference.id.value == id) {
      return &reference;
    }
  }
  return nullptr;
}

/// Whether a requirement applies to a lot: it names the lot, or names none.
inline bool applies_to(const spec::Requirement& r, const spec::Lot& lot) {
  if (r.lots.empty()) {
    return true;
  }
  for (const spec::Text& id : r.lots) {
    if (id.value == lot.id.value) {
      return true;
    }
  }
  return false;
}

/// A document of `kind` with the spec's id and version and the page number in its footer.
inline Document start_document(DocumentKind kind, const spec::Spec& spec, const Context& context) {
  Document document;
  document.kind = kind;
  document.language = context.strings.language();
  document.created = context.created;
  document.footer =
      clean_text(fmt::format(fmt::runtime(context.strings["footer"]), spec.id.value, spec.version));
  document.page_label = context.strings["page_label"];
  return document;
}

/// The words of a word-level diff as runs: removed words deleted, added ones inserted.
inline Inline word_runs(const std::vector<joint::Word>& words) {
  Inline runs;
  for (std::size_t i = 0; i < words.size(); ++i) {
    const joint::Word& word = words[i];
    Mark mark = word.mark == joint::Word::Mark::removed ? Mark::deleted
                : word.mark == joint::Word::Mark::added ? Mark::inserted
                                                        : Mark::none;
    runs.push_back({clean_text(word.text), false, false, {}, mark});
    if (i + 1 < words.size()) {
      runs.push_back({" ", false, false});
    }
  }
  return runs;
}

/// A document whose title is `title_key` and the spec's title, and whose subject is
/// `subject_key` with the tender reference.
inline Document start_document(DocumentKind kind, const spec::Spec& spec, const Context& context,
                               std::string_view title_key, std::string_view subject_key) {
  Document document = start_document(kind, spec, context);
  document.title = clean_text(fmt::format("{}: {}", context.strings[title_key], spec.title));
  document.subject = clean_text(
      fmt::format(fmt::runtime(context.strings[subject_key]), spec::tender_reference(spec)));
  return document;
}

/// For each standard of a conformance report, a heading at `level`, the counts of its
/// verdicts and a table of its clauses (the conformance report and the annex).
void conformance_tables(Builder& out, const conform::Report& report, int level);

}  // namespace leaspec::doc
