// The spec's texts in a document's languages: translations, the source text where a
// translation is missing (marked), and two languages side by side.
#include "doc/builder.hpp"

namespace leaspec::doc {

std::string Builder::untranslated_mark() const {
  std::string code = m_rendering ? m_rendering->source_language() : "en";
  for (char& c : code) {
    c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  }
  return text("untranslated", code);
}

Inline Builder::spec_text(std::string_view key, const std::string& source, bool strong) const {
  if (!m_rendering) {
    return {Run{clean_text(source), strong, false}};
  }
  Inline runs;
  std::string shown;
  for (const translate::Rendering::Piece& piece : m_rendering->pieces(key, source)) {
    bool second = !runs.empty();
    if (second && piece.text == shown) {
      continue;  // the source text, already shown as the main language's fallback
    }
    if (second) {
      runs.push_back({"\n", false, false});
    }
    if (piece.fallback) {
      runs.push_back({untranslated_mark() + " ", true, true});
    }
    runs.push_back({clean_text(piece.text), strong, second});
    shown = piece.text;
  }
  return runs;
}

std::string Builder::spec_line(std::string_view key, const std::string& source) const {
  if (!m_rendering) {
    return source;
  }
  std::string line;
  std::string shown;
  for (const translate::Rendering::Piece& piece : m_rendering->pieces(key, source)) {
    if (!line.empty() && piece.text == shown) {
      continue;
    }
    line += line.empty() ? "" : " / ";
    line += piece.fallback ? untranslated_mark() + " " + piece.text : piece.text;
    shown = piece.text;
  }
  return line;
}

void Builder::language_notes() {
  if (!m_rendering) {
    return;
  }
  if (m_rendering->language_count() > 1) {
    paragraph(text("bilingual_note", translate::native_name(m_document.language),
                   translate::native_name(m_rendering->second_language())),
              Paragraph::Style::note);
  }
  if (m_rendering->any_fallback()) {
    paragraph(text("untranslated_note", untranslated_mark()), Paragraph::Style::note);
  }
}

}  // namespace leaspec::doc
