// GitHub-flavoured Markdown that every CommonMark renderer reads as meant. Spec text is
// escaped so that it never turns into markup; emphasis is placed where the CommonMark rules
// for delimiter runs let it open and close (markers touch letters, not spaces, and a
// marker beside a word never faces punctuation); a line that would start a list, a quote or
// a heading is escaped.
#include <fmt/format.h>

#include "leaspec/write.hpp"

namespace leaspec::write {
namespace {

std::string escape(std::string_view text, bool in_table) {
  return text::markdown_escape(text, in_table);
}

bool is_space(char c) {
  return c == ' ' || c == '\t' || c == '\n';
}

/// ASCII punctuation as CommonMark defines it, and, to be safe, every byte of a character
/// outside ASCII (which may be Unicode punctuation).
bool is_punctuation(char c) {
  auto u = static_cast<unsigned char>(c);
  return u >= 0x80 ||
         std::string_view("!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~").find(c) != std::string_view::npos;
}

/// Whether a marker beside this neighbour (0 for the start or end of the text) may open or
/// close whatever punctuation it meets on the inside.
bool free_neighbour(char c) {
  return c == 0 || is_space(c) || is_punctuation(c);
}

/// The number of bytes of the UTF-8 character that ends at `text.size()`.
std::size_t last_character(std::string_view text) {
  std::size_t n = 1;
  while (n < text.size() && (static_cast<unsigned char>(text[text.size() - n]) & 0xC0) == 0x80) {
    ++n;
  }
  return n;
}

std::size_t first_character(std::string_view text) {
  auto u = static_cast<unsigned char>(text.front());
  std::size_t n = u >= 0xF0 ? 4 : u >= 0xE0 ? 3 : u >= 0xC0 ? 2 : 1;
  return std::min(n, text.size());
}

std::string_view marker_of(const doc::Run& run) {
  return run.mark == doc::Mark::deleted    ? "~~"
         : run.mark == doc::Mark::inserted ? "**"
         : run.bold && run.italic          ? "***"
         : run.bold                        ? "**"
         : run.italic                      ? "*"
                                           : "";
}

/// Adjacent runs of the same emphasis as one, so that markers never meet.
doc::Inline coalesce(const doc::Inline& runs) {
  doc::Inline result;
  for (const doc::Run& run : runs) {
    if (!result.empty() && marker_of(result.back()) == marker_of(run)) {
      result.back().text += run.text;
    } else {
      result.push_back(run);
    }
  }
  return result;
}

std::string markdown_runs(const doc::Inline& inline_runs, bool in_table = false) {
  doc::Inline merged = coalesce(inline_runs);
  std::string out;
  for (std::size_t i = 0; i < merged.size(); ++i) {
    const doc::Run& run = merged[i];
    std::string_view marker = marker_of(run);
    std::string_view text = run.text;
    std::size_t first = 0;
    while (first < text.size() && is_space(text[first])) {
      ++first;
    }
    std::size_t last = text.size();
    while (last > first && is_space(text[last - 1])) {
      --last;
    }
    if (marker.empty() || first == last) {
      out += escape(text, in_table);
      continue;
    }
    std::string_view core = text.substr(first, last - first);
    char before = first > 0 ? ' ' : (out.empty() ? 0 : out.back());
    char after = last < text.size()                  ? ' '
                 : i + 1 == merged.size()            ? 0
                 : !marker_of(merged[i + 1]).empty() ? '*'
                 : merged[i + 1].text.empty()        ? 0
                                                     : merged[i + 1].text.front();
    // Punctuation on the inside of a marker that has a letter outside moves out of it; so
    // does what separates this run from a marker that ends just before it.
    bool touching = first == 0 && !out.empty() && (out.back() == '*' || out.back() == '~');
    std::size_t lead_size = 0;
    if (touching || (!free_neighbour(before) && is_punctuation(core.front()))) {
      while (lead_size < core.size() &&
             (is_punctuation(core[lead_size]) || is_space(core[lead_size]))) {
        lead_size += first_character(core.substr(lead_size));
      }
    }
    std::string_view lead = core.substr(0, lead_size);
    core.remove_prefix(lead_size);
    std::string_view trail;
    if (!core.empty() && !free_neighbour(after) && is_punctuation(core.back())) {
      trail = core.substr(core.size() - last_character(core));
      core.remove_suffix(trail.size());
    }
    // Text that is all punctuation, or that would open right at another marker, stays plain.
    if (core.empty() || (touching && lead.empty())) {
      out += escape(text, in_table);
      continue;
    }
    out += escape(text.substr(0, first), in_table);
    out += escape(lead, in_table);
    out += marker;
    out += escape(core, in_table);
    out += marker;
    out += escape(trail, in_table);
    out += escape(text.substr(last), in_table);
  }
  return out;
}

/// Escapes what would start a block at the beginning of a line: a list item (- + or a
/// number and . or )), a setext underline (=), and removes indentation that would make code.
std::string block_safe(const std::string& text) {
  std::string out;
  std::size_t start = 0;
  while (start <= text.size()) {
    std::size_t end = text.find('\n', start);
    std::string_view line =
        std::string_view(text).substr(start, end == std::string::npos ? text.npos : end - start);
    while (!line.empty() && line.front() == ' ') {
      line.remove_prefix(1);
    }
    std::size_t digits = 0;
    while (digits < line.size() && digits < 10 && line[digits] >= '0' && line[digits] <= '9') {
      ++digits;
    }
    if (!line.empty() && (line.front() == '-' || line.front() == '+' || line.front() == '=')) {
      out += '\\';
      out += line;
    } else if (digits > 0 && digits < line.size() && (line[digits] == '.' || line[digits] == ')')) {
      out += line.substr(0, digits);
      out += '\\';
      out += line.substr(digits);
    } else {
      out += line;
    }
    if (end == std::string::npos) {
      break;
    }
    out += '\n';
    start = end + 1;
  }
  return out;
}

void table(std::string& out, const doc::Document& document, const doc::Table& t) {
  std::size_t count = doc::row_count(document, t);
  if (count == 0) {
    return;
  }
  if (t.header_rows == 0) {
    // A table without a header is a list of label and values.
    for (std::size_t r = 0; r < count; ++r) {
      const std::vector<doc::Inline>& row = doc::table_row(document, t, r);
      std::string item;
      for (std::size_t i = 0; i < row.size(); ++i) {
        item += (i == 0 ? "" : (i == 1 ? ": " : "; ")) + markdown_runs(row[i], true);
      }
      out += "- " + item + "\n";
    }
    out += "\n";
    return;
  }
  std::size_t columns = doc::table_row(document, t, 0).size();
  for (std::size_t r = 0; r < count; ++r) {
    const std::vector<doc::Inline>& row = doc::table_row(document, t, r);
    out += "|";
    for (std::size_t c = 0; c < columns; ++c) {
      std::string cell = c < row.size() ? markdown_runs(row[c], true) : "";
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

/// The runs of a paragraph all set in bold, for a subtitle.
doc::Inline in_bold(doc::Inline runs) {
  for (doc::Run& run : runs) {
    run.bold = true;
  }
  return runs;
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
          out += "# " + markdown_runs(paragraph->runs) + "\n\n";
          break;
        case doc::Paragraph::Style::subtitle:
          out += block_safe(markdown_runs(in_bold(paragraph->runs))) + "\n\n";
          break;
        case doc::Paragraph::Style::note:
          out += "> " + block_safe(markdown_runs(paragraph->runs)) + "\n\n";
          break;
        case doc::Paragraph::Style::body:
          out += block_safe(markdown_runs(paragraph->runs)) + "\n\n";
          break;
      }
    } else if (const auto* list = std::get_if<doc::List>(&block)) {
      std::size_t number = 0;
      for (const doc::Inline& item : list->items) {
        out += list->numbered ? fmt::format("{}. ", ++number) : std::string("- ");
        out += block_safe(markdown_runs(item)) + "\n";
      }
      out += "\n";
    } else if (const auto* t = std::get_if<doc::Table>(&block)) {
      table(out, document, *t);
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
