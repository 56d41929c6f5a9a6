#pragma once
// Helpers the document builders share.

#include <fmt/format.h>

#include "leaspec/doc.hpp"

namespace leaspec::doc {

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

/// The localised verification methods of a requirement, comma-separated.
inline std::string verification_text(const Strings& strings, const spec::Requirement& r) {
  std::string text;
  for (const std::string& method : r.verification) {
    text += text.empty() ? "" : ", ";
    text += localised(strings, "verification", method);
  }
  return text;
}

/// A document whose title is `title_key` and the spec's title, and whose subject is
/// `subject_key` with the tender reference.
inline Document start_document(const spec::Spec& spec, const Context& context,
                               std::string_view title_key, std::string_view subject_key) {
  Document document;
  document.title = clean_text(fmt::format("{}: {}", context.strings[title_key], spec.title));
  document.subject = clean_text(
      fmt::format(fmt::runtime(context.strings[subject_key]), spec::tender_reference(spec)));
  document.language = context.strings.language();
  document.created = context.created;
  return document;
}

}  // namespace leaspec::doc
