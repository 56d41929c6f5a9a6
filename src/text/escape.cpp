// Escaping and cleaning of text for the output formats.
#include "leaspec/source.hpp"
#include "leaspec/text.hpp"

namespace leaspec::text {
namespace {

constexpr std::string_view k_replacement = "\xEF\xBF\xBD";

/// Whether the UTF-8 sequence at the start of `text` is U+FFFE or U+FFFF.
bool is_noncharacter(std::string_view text) {
  return text.size() >= 3 && static_cast<unsigned char>(text[0]) == 0xEF &&
         static_cast<unsigned char>(text[1]) == 0xBF &&
         (static_cast<unsigned char>(text[2]) == 0xBE ||
          static_cast<unsigned char>(text[2]) == 0xBF);
}

/// `raw` as valid UTF-8 in which every character no document can carry is U+FFFD: C0
/// controls other than tab, line feed and (with `keep_return`) carriage return, DEL, and
/// the noncharacters U+FFFE and U+FFFF.
std::string replace_unsafe(std::string_view raw, bool keep_return) {
  std::string text = valid_utf8(raw);
  std::string result;
  result.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    auto u = static_cast<unsigned char>(c);
    bool kept = c == '\t' || c == '\n' || (keep_return && c == '\r');
    if ((u < 0x20 && !kept) || u == 0x7F) {
      result += k_replacement;
    } else if (u == 0xEF && is_noncharacter(std::string_view(text).substr(i))) {
      result += k_replacement;
      i += 2;
    } else {
      result += c;
    }
  }
  return result;
}

}  // namespace

std::string xml_escape(std::string_view raw) {
  std::string text = replace_unsafe(raw, true);
  std::string result;
  result.reserve(text.size());
  for (char c : text) {
    switch (c) {
      case '&':
        result += "&amp;";
        break;
      case '<':
        result += "&lt;";
        break;
      case '>':
        result += "&gt;";
        break;
      case '"':
        result += "&quot;";
        break;
      case '\'':
        result += "&apos;";
        break;
      default:
        result += c;
    }
  }
  return result;
}

std::string html_escape(std::string_view text) {
  std::string result;
  result.reserve(text.size());
  for (char c : text) {
    switch (c) {
      case '&':
        result += "&amp;";
        break;
      case '<':
        result += "&lt;";
        break;
      case '>':
        result += "&gt;";
        break;
      case '"':
        result += "&quot;";
        break;
      case '\'':
        result += "&#39;";
        break;
      default:
        result += c;
    }
  }
  return result;
}

std::string markdown_escape(std::string_view text, bool in_table) {
  std::string result;
  for (char c : text) {
    switch (c) {
      case '&':
        result += "&amp;";
        break;
      case '<':
        result += "&lt;";
        break;
      case '>':
        result += "&gt;";
        break;
      case '\\':
      case '*':
      case '_':
      case '`':
      case '[':
      case ']':
      case '#':
      case '|':
      case '~':
        result += '\\';
        result += c;
        break;
      case '\n':
        result += in_table ? "<br>" : "\n";
        break;
      case '\t':
        result += ' ';
        break;
      default:
        result += c;
    }
  }
  return result;
}

std::string clean_text(std::string_view raw) {
  return replace_unsafe(raw, false);
}

}  // namespace leaspec::text
