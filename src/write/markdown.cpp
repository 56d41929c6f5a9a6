// GitHub-flavoured Markdown. Spec text is escaped so that it never turns into markup.
#include <fmt/format.h>

#include "leaspec/write.hpp"

namespace leaspec::write {
namespace {

std::string escape(std::string_view text, bool in_table) {
  return text::markdown_escape(text, in_table);
}

std::string runs(const doc::Inline& inline_runs, bool in_table = false) {
  std::string result;
  for (const doc::Run& run : inline_runs) {
    std::string_view text = run.text;
    std::size_t first = text.find_first_not_of(' ');
    bool emphasis = run.bold || run.italic || run.mark != doc::Mark::none;
    if (first == std::string_view::npos || !emphasis) {
      result += escape(text, in_table);
      continue;
    }
    // Emphasis markers must touch the text, so spaces stay outside them.
    std::size_t last = text.find_last_not_of(' ');
    std::string marker = run.mark == doc::Mark::deleted    ? "~~"
                         : run.mark == doc::Mark::inserted ? "**"
                         : run.bold && run.italic          ? "***"
                         : run.bold                        ? "**"
                                                           : "*";
    result.append(first, ' ');
    result += marker;
    result += escape(text.substr(first, last - first + 1), in_table);
    result += marker;
    result.append(text.size() - last - 1, ' ');
  }
  return result;
}

void table(std::string& out, const doc::Table& t) {
  if (t.rows.empty()) {
    return;
  }
  if (t.header_rows == 0) {
    // A table without a header is a list of label and values.
    for (const auto& row : t.rows) {
      out += "- ";
      for (std::size_t i = 0; i < row.size(); ++i) {
        out += (i == 0 ? "" : (i == 1 ? ": " : "; ")) + runs(row[i], true);
      }
      out += "\n";
    }
    out += "\n";
    return;
  }
  std::size_t columns = t.rows.front().size();
  for (std::size_t r = 0; r < t.rows.size(); ++r) {
    out += "|";
    for (std::size_t c = 0; c < columns; ++c) {
      std::string cell = c < t.rows[r].size() ? runs(t.rows[r][c], true) : "";
      out += " " + cell + " |";
    }
    out += "\n";
    if (r == 0) {
      out += "|";
      for (std::size_t c = 0; c < columns; ++c) {
        out += " --- |";
      }
      out += "\n";
    }
  }
  out += "\n";
}

}  // namespace

std::string render_markdown(const doc::Document& document) {
  std::string out;
  for (const doc::Block& block : document.blocks) {
    if (const auto* heading = std::get_if<doc::Heading>(&block)) {
      out += std::string(static_cast<std::size_t>(heading->level + 1), '#') + " " +
             escape(heading->text, false) + "\n\n";
    } else if (const auto* paragraph = std::get_if<doc::Paragraph>(&block)) {
      switch (paragraph->style) {
        case doc::Paragraph::Style::title:
          out += "# " + runs(paragraph->runs) + "\n\n";
          break;
        case doc::Paragraph::Style::subtitle:
          out += "**" + runs(paragraph->runs) + "**\n\n";
          break;
        case doc::Paragraph::Style::note:
          out += "> " + runs(paragraph->runs) + "\n\n";
          break;
        case doc::Paragraph::Style::body:
          out += runs(paragraph->runs) + "\n\n";
          break;
      }
    } else if (const auto* list = std::get_if<doc::List>(&block)) {
      std::size_t number = 0;
      for (const doc::Inline& item : list->items) {
        out += list->numbered ? fmt::format("{}. ", ++number) : std::string("- ");
        out += runs(item) + "\n";
      }
      out += "\n";
    } else if (const auto* t = std::get_if<doc::Table>(&block)) {
      table(out, *t);
    } else {
      out += "---\n\n";
    }
  }
  while (out.size() > 1 && out[out.size() - 1] == '\n' && out[out.size() - 2] == '\n') {
    out.pop_back();
  }
  return out;
}

}  // namespace leaspec::write
