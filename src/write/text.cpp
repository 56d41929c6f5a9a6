// Plain text for a terminal or a log: what a person reads when a report goes to stdout.
#include <algorithm>

#include "leaspec/source.hpp"
#include "leaspec/write.hpp"

namespace leaspec::write {
namespace {

std::string plain_runs(const doc::Inline& inline_runs) {
  std::string out;
  for (const doc::Run& run : inline_runs) {
    switch (run.mark) {
      case doc::Mark::none:
        out += run.text;
        break;
      case doc::Mark::deleted:
        out += "[-" + run.text + "-]";
        break;
      case doc::Mark::inserted:
        out += "{+" + run.text + "+}";
        break;
    }
  }
  return out;
}

/// A cell on one line: line breaks and tabs become spaces.
std::string cell(const doc::Inline& inline_runs) {
  std::string text = plain_runs(inline_runs);
  std::replace(text.begin(), text.end(), '\n', ' ');
  std::replace(text.begin(), text.end(), '\t', ' ');
  return text;
}

void plain_table(std::string& out, const doc::Document& document, const doc::Table& t) {
  std::vector<std::size_t> widths;
  std::vector<std::vector<std::string>> cells;
  for (std::size_t r = 0; r < doc::row_count(document, t); ++r) {
    const std::vector<doc::Inline>& row = doc::table_row(document, t, r);
    std::vector<std::string>& line = cells.emplace_back();
    for (std::size_t i = 0; i < row.size(); ++i) {
      line.push_back(cell(row[i]));
      widths.resize(std::max(widths.size(), i + 1));
      widths[i] = std::max(widths[i], utf8_length(line.back()));
    }
  }
  for (std::size_t r = 0; r < cells.size(); ++r) {
    std::string line;
    for (std::size_t i = 0; i < cells[r].size(); ++i) {
      const std::string& text = cells[r][i];
      line += text;
      if (i + 1 < cells[r].size()) {
        line.append(widths[i] - utf8_length(text) + 2, ' ');
      }
    }
    out += line + "\n";
    if (r + 1 == t.header_rows) {
      std::size_t total = 0;
      for (std::size_t width : widths) {
        total += width + 2;
      }
      out += std::string(total > 2 ? total - 2 : 0, '-') + "\n";
    }
  }
}

}  // namespace

std::string render_text(const doc::Document& document) {
  std::string out;
  for (const doc::Block& block : document.blocks) {
    if (!out.empty()) {
      out += "\n";
    }
    if (const auto* heading = std::get_if<doc::Heading>(&block)) {
      out += heading->text + "\n";
    } else if (const auto* paragraph = std::get_if<doc::Paragraph>(&block)) {
      out += plain_runs(paragraph->runs) + "\n";
    } else if (const auto* list = std::get_if<doc::List>(&block)) {
      std::size_t number = 0;
      for (const doc::Inline& item : list->items) {
        out += (list->numbered ? std::to_string(++number) + ". " : "- ") + plain_runs(item) + "\n";
      }
    } else if (const auto* t = std::get_if<doc::Table>(&block)) {
      plain_table(out, document, *t);
    }
  }
  return out;
}

}  // namespace leaspec::write
