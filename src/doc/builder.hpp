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
      : m_document(document), m_strings(context.strings) {}

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
  static Inline bold(const std::string& text) { return {Run{clean_text(text), true, false}}; }
  static Inline italic(const std::string& text) { return {Run{clean_text(text), false, true}}; }

 private:
  Document& m_document;
  const Strings& m_strings;
};

/// The localised name of an enumerated value: `prefix_value`, or the value when unknown.
inline std::string localised(const Strings& strings, std::string_view prefix,
                             const std::string& value) {
  auto found = strings.all().find(fmt::format("{}_{}", prefix, value));
  return found == strings.all().end() ? value : found->second;
}

/// The prefix of the fixed-text keys that name the values of a vocabulary.
template <class E>
constexpr std::string_view k_label_prefix = "";
template <>
constexpr std::string_view k_label_prefix<spec::Priority> = "priority";
template <>
constexpr std::string_view k_label_prefix<spec::Status> = "status";
template <>
constexpr std::string_view k_label_prefix<spec::Verification> = "verification";
template <>
constexpr std::string_view k_label_prefix<spec::AgencyRole> = "role";
template <>
constexpr std::string_view k_label_prefix<spec::Procedure> = "procedure";
template <>
constexpr std::string_view k_label_prefix<spec::Nature> = "nature";
template <>
constexpr std::string_view k_label_prefix<spec::AwardMethod> = "method";
template <>
constexpr std::string_view k_label_prefix<spec::CriterionType> = "type";

/// The localised name of a vocabulary value.
template <class E>
std::string localised(const Strings& strings, E value) {
  static_assert(!k_label_prefix<E>.empty(), "the vocabulary has no fixed texts");
  return localised(strings, k_label_prefix<E>, std::string(spec::name(value)));
}

/// The localised verification methods of a requirement, comma-separated.
inline std::string verification_text(const Strings& strings, const spec::Requirement& r) {
  std::string text;
  for (spec::Verification method : r.verification) {
    text += text.empty() ? "" : ", ";
    text += localised(strings, method);
  }
  return text;
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
  Document document;
  document.kind = kind;
  document.title = clean_text(fmt::format("{}: {}", context.strings[title_key], spec.title));
  document.subject = clean_text(
      fmt::format(fmt::runtime(context.strings[subject_key]), spec::tender_reference(spec)));
  document.language = context.strings.language();
  document.created = context.created;
  return document;
}

}  // namespace leaspec::doc
