// Text measurement from the advance widths of Helvetica, which Arial and Liberation Sans
// share, in thousandths of an em for the printable ASCII characters.
#include "write/layout.hpp"

#include <algorithm>
#include <array>
#include <map>
#include <numeric>

namespace leaspec::write {
namespace {

// ' ' to '~'.
constexpr std::array<short, 95> k_regular = {
    278,  278, 355, 556, 556, 889, 667, 191, 333, 333, 389, 584, 278, 333, 278, 278,  // ' ' - /
    556,  556, 556, 556, 556, 556, 556, 556, 556, 556, 278, 278, 584, 584, 584, 556,  // 0 - ?
    1015, 667, 667, 722, 722, 667, 611, 778, 722, 278, 500, 667, 556, 833, 722, 778,  // @ - O
    667,  778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 278, 278, 278, 469, 556,  // P - _
    333,  556, 556, 500, 556, 556, 278, 556, 556, 222, 222, 500, 222, 833, 556, 556,  // ` - o
    556,  556, 333, 500, 278, 556, 500, 722, 500, 500, 500, 334, 260, 334, 584};      // p - ~

constexpr std::array<short, 95> k_bold = {
    278, 333, 474, 556, 556, 889, 722, 238, 333, 333, 389, 584, 278, 333, 278, 278,  // ' ' - /
    556, 556, 556, 556, 556, 556, 556, 556, 556, 556, 333, 333, 584, 584, 584, 611,  // 0 - ?
    975, 722, 722, 722, 722, 667, 611, 778, 722, 278, 556, 722, 611, 833, 722, 778,  // @ - O
    667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 333, 278, 333, 584, 556,  // P - _
    333, 556, 611, 556, 611, 556, 333, 611, 611, 278, 278, 556, 278, 889, 611, 611,  // ` - o
    611, 611, 389, 556, 333, 611, 556, 778, 556, 556, 500, 389, 280, 389, 584};      // p - ~

/// Margin on the widest word for fonts with wider letters that stand in for Liberation Sans.
constexpr double k_word_margin = 1.1;
/// The share of the width beyond which a word is left to break rather than kept whole.
constexpr double k_widest = 0.8;

/// Width in thousandths of an em of the character that starts at `text[i]`; advances `i`.
int advance(std::string_view text, std::size_t& i, bool bold) {
  auto byte = static_cast<unsigned char>(text[i]);
  if (byte < 0x80) {
    ++i;
    if (byte < 0x20 || byte == 0x7F) {
      return 0;
    }
    return (bold ? k_bold : k_regular)[byte - 0x20];
  }
  std::size_t length = byte >= 0xF0 ? 4 : byte >= 0xE0 ? 3 : byte >= 0xC0 ? 2 : 1;
  i = std::min(text.size(), i + length);
  // Latin letters with diacritics are as wide as their base letters on average; other
  // scripts and symbols get the width of a wide letter.
  return length == 2 ? (bold ? 640 : 600) : 800;
}

}  // namespace

double text_width(std::string_view text, double size, bool bold) {
  long total = 0;
  for (std::size_t i = 0; i < text.size();) {
    total += advance(text, i, bold);
  }
  return static_cast<double>(total) * size / 1000.0;
}

std::string cell_text(const doc::Inline& cell) {
  std::string text;
  for (const doc::Run& run : cell) {
    text += run.text;
  }
  return text;
}

namespace {

/// Adds the needs of one cell to `need`.
void measure(const doc::Inline& cell, double size, bool header, ColumnNeed& need) {
  double word = 0;
  bool fixed = false;
  double line = 0;
  auto end_word = [&] {
    need.word = std::max(need.word, word);
    if (fixed) {
      need.fixed = std::max(need.fixed, word);
    }
    word = 0;
    fixed = false;
  };
  for (const doc::Run& run : cell) {
    bool bold = header || run.bold;
    for (std::size_t i = 0; i < run.text.size();) {
      char c = run.text[i];
      if (c == '\n') {
        end_word();
        need.line = std::max(need.line, line);
        line = 0;
        ++i;
        continue;
      }
      double width = advance(run.text, i, bold) * size / 1000.0;
      if ((c == ' ' || c == '\t') && !run.unbroken) {
        end_word();
        width = c == '\t' ? 4 * text_width(" ", size, bold) : width;
      } else {
        word += width;
        fixed = fixed || run.unbroken;
      }
      line += width;
    }
  }
  end_word();
  need.line = std::max(need.line, line);
}

}  // namespace

std::vector<ColumnNeed> column_needs(const doc::Document& document, const doc::Table& table,
                                     double size) {
  std::vector<ColumnNeed> needs(table.widths.size());
  std::size_t rows = doc::row_count(document, table);
  for (std::size_t r = 0; r < rows; ++r) {
    const std::vector<doc::Inline>& row = doc::table_row(document, table, r);
    if (needs.size() < row.size()) {
      needs.resize(row.size());
    }
    for (std::size_t c = 0; c < row.size(); ++c) {
      measure(row[c], size, r < table.header_rows, needs[c]);
    }
  }
  for (const auto& [column, values] : table.choices) {
    for (const std::string& value : values) {
      if (column < needs.size()) {
        needs[column].line = std::max(needs[column].line, text_width(value, size, false));
      }
    }
  }
  return needs;
}

std::vector<double> fit_columns(const std::vector<ColumnNeed>& needs,
                                const std::vector<double>& hints, double available,
                                double padding) {
  std::size_t n = needs.size();
  if (n == 0) {
    return {};
  }
  double hint_total = 0;
  for (std::size_t c = 0; c < n; ++c) {
    hint_total += c < hints.size() ? hints[c] : 1;
  }
  std::vector<double> fixed(n);
  std::vector<double> least(n);
  std::vector<double> preferred(n);
  std::vector<double> most(n);
  std::vector<double> share(n);
  for (std::size_t c = 0; c < n; ++c) {
    fixed[c] = std::min(needs[c].fixed * k_word_margin, available * k_widest) + padding;
    least[c] =
        std::max(fixed[c], std::min(needs[c].word * k_word_margin, available * k_widest) + padding);
    most[c] = std::max(least[c], needs[c].line + padding);
    share[c] = available * (c < hints.size() ? hints[c] : 1) / hint_total;
    preferred[c] = std::max(least[c], std::min(most[c], share[c]));
  }
  double fixed_total = std::accumulate(fixed.begin(), fixed.end(), 0.0);
  double least_total = std::accumulate(least.begin(), least.end(), 0.0);
  double preferred_total = std::accumulate(preferred.begin(), preferred.end(), 0.0);
  double most_total = std::accumulate(most.begin(), most.end(), 0.0);
  // When every line fits, the room left goes to the columns whose share is larger.
  double roomy_total = 0;
  for (std::size_t c = 0; c < n; ++c) {
    roomy_total += std::max(most[c], share[c]);
  }
  std::vector<double> widths(n);
  for (std::size_t c = 0; c < n; ++c) {
    if (fixed_total >= available) {
      widths[c] = fixed[c] * available / fixed_total;
    } else if (least_total >= available) {
      widths[c] = fixed[c] +
                  (available - fixed_total) * (least[c] - fixed[c]) / (least_total - fixed_total);
    } else if (preferred_total >= available) {
      widths[c] = least[c] + (available - least_total) * (preferred[c] - least[c]) /
                                 (preferred_total - least_total);
    } else if (most_total > preferred_total && most_total >= available) {
      widths[c] = preferred[c] + (available - preferred_total) * (most[c] - preferred[c]) /
                                     (most_total - preferred_total);
    } else if (roomy_total > most_total) {
      widths[c] = most[c] + (available - most_total) * (std::max(most[c], share[c]) - most[c]) /
                                (roomy_total - most_total);
    } else {
      widths[c] = most[c] * available / most_total;
    }
  }
  return widths;
}

std::vector<std::vector<double>> fit_tables(const doc::Document& document, double available,
                                            double size, double padding) {
  std::vector<const doc::Table*> tables;
  std::map<int, std::vector<ColumnNeed>> groups;
  std::vector<std::vector<ColumnNeed>> needs;
  for (const doc::Block& block : document.blocks) {
    if (const auto* table = std::get_if<doc::Table>(&block)) {
      tables.push_back(table);
      needs.push_back(column_needs(document, *table, size));
      if (table->layout != 0) {
        std::vector<ColumnNeed>& group = groups[table->layout];
        group.resize(std::max(group.size(), needs.back().size()));
        for (std::size_t c = 0; c < needs.back().size(); ++c) {
          group[c].word = std::max(group[c].word, needs.back()[c].word);
          group[c].fixed = std::max(group[c].fixed, needs.back()[c].fixed);
          group[c].line = std::max(group[c].line, needs.back()[c].line);
        }
      }
    }
  }
  std::vector<std::vector<double>> widths;
  for (std::size_t t = 0; t < tables.size(); ++t) {
    const doc::Table& table = *tables[t];
    const std::vector<ColumnNeed>& need = table.layout != 0 ? groups[table.layout] : needs[t];
    widths.push_back(fit_columns(need, table.widths, available, padding));
  }
  return widths;
}

std::size_t wrapped_lines(std::string_view text, double width, double size, bool bold) {
  std::size_t lines = 1;
  double line = 0;
  double word = 0;
  double space = text_width(" ", size, bold);
  auto place_word = [&] {
    if (word <= 0) {
      return;
    }
    if (line > 0 && line + space + word > width) {
      ++lines;
      line = 0;
    }
    line += (line > 0 ? space : 0) + word;
    while (line > width + 1e-6 && width > 0) {  // a word wider than the column breaks
      ++lines;
      line -= width;
    }
    word = 0;
  };
  for (std::size_t i = 0; i < text.size();) {
    char c = text[i];
    if (c == '\n') {
      place_word();
      ++lines;
      line = 0;
      ++i;
    } else if (c == ' ' || c == '\t') {
      place_word();
      ++i;
    } else {
      word += advance(text, i, bold) * size / 1000.0;
    }
  }
  place_word();
  return lines;
}

}  // namespace leaspec::write
