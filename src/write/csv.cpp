// RFC 4180 CSV of the document's first table. Cells that a spreadsheet would run as a
// formula are neutralised with a leading apostrophe.
#include "leaspec/write.hpp"

namespace leaspec::write {
namespace {

std::string field(const doc::Inline& cell) {
  std::string text;
  for (const doc::Run& run : cell) {
    text += run.text;
  }
  if (!text.empty() && std::string_view("=+-@\t\r").find(text.front()) != std::string_view::npos) {
    text.insert(text.begin(), '\'');
  }
  bool quote = text.find_first_of(",\"\r\n") != std::string::npos ||
               (!text.empty() && (text.front() == ' ' || text.back() == ' '));
  if (!quote) {
    return text;
  }
  std::string quoted(1, '"');
  for (char c : text) {
    quoted.push_back(c);
    if (c == '"') {
      quoted.push_back('"');
    }
  }
  quoted.push_back('"');
  return quoted;
}

}  // namespace

std::string render_csv(const doc::Document& document) {
  std::string out = "\xEF\xBB\xBF";  // a byte-order mark, so that spreadsheets read UTF-8
  for (const doc::Block& block : document.blocks) {
    const auto* table = std::get_if<doc::Table>(&block);
    if (!table) {
      continue;
    }
    for (std::size_t r = 0; r < doc::row_count(document, *table); ++r) {
      const std::vector<doc::Inline>& row = doc::table_row(document, *table, r);
      for (std::size_t c = 0; c < row.size(); ++c) {
        if (c > 0) {
          out.push_back(',');
        }
        out.append(field(row[c]));
      }
      out += "\r\n";
    }
    break;
  }
  return out;
}

}  // namespace leaspec::write
