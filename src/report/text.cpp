#include <fmt/format.h>

#include "leaspec/report.hpp"

namespace leaspec::report {
namespace {

constexpr std::string_view k_bold = "\x1b[1m";
constexpr std::string_view k_red = "\x1b[1;31m";
constexpr std::string_view k_magenta = "\x1b[1;35m";
constexpr std::string_view k_cyan = "\x1b[1;36m";
constexpr std::string_view k_green = "\x1b[1;32m";
constexpr std::string_view k_reset = "\x1b[0m";

std::string_view colour_of(Severity severity) {
  switch (severity) {
    case Severity::error:
      return k_red;
    case Severity::warning:
      return k_magenta;
    case Severity::note:
      return k_cyan;
  }
  return k_red;
}

/// The caret line: spaces (tabs kept) up to the column, counted in characters, then `^`.
std::string caret_line(std::string_view line, std::uint32_t column) {
  std::string prefix;
  std::size_t bytes = std::min<std::size_t>(column > 0 ? column - 1 : 0, line.size());
  std::string_view before = line.substr(0, bytes);
  for (std::size_t i = 0; i < before.size(); ++i) {
    auto c = static_cast<unsigned char>(before[i]);
    if (c == '\t') {
      prefix += '\t';
    } else if ((c & 0xC0) != 0x80) {
      prefix += ' ';
    }
  }
  return prefix;
}

/// Source lines longer than this many characters are cut around the column.
constexpr std::size_t k_max_excerpt = 160;
/// Characters kept before the column when a line is cut.
constexpr std::size_t k_excerpt_before = 60;
constexpr std::string_view k_cut = "…";

/// The part of a source line to show: all of it, or for a long line (minified JSON, say) the
/// characters around the column, with "…" where it was cut; `column` is the byte column in
/// `text`.
struct Excerpt {
  std::string text;
  std::uint32_t column;
};

/// The byte offset `count` characters after (or, negative, before) `offset`.
std::size_t step_characters(std::string_view text, std::size_t offset, std::ptrdiff_t count) {
  auto continuation = [&](std::size_t i) {
    return i < text.size() && (static_cast<unsigned char>(text[i]) & 0xC0) == 0x80;
  };
  for (; count > 0 && offset < text.size(); --count) {
    ++offset;
    while (continuation(offset)) {
      ++offset;
    }
  }
  for (; count < 0 && offset > 0; ++count) {
    --offset;
    while (offset > 0 && continuation(offset)) {
      --offset;
    }
  }
  return offset;
}

Excerpt excerpt(std::string_view line, std::uint32_t column) {
  if (line.size() <= k_max_excerpt || utf8_length(line) <= k_max_excerpt) {
    return {valid_utf8(line), column};
  }
  std::size_t at = std::min<std::size_t>(column > 0 ? column - 1 : 0, line.size());
  while (at > 0 && at < line.size() && (static_cast<unsigned char>(line[at]) & 0xC0) == 0x80) {
    --at;
  }
  std::size_t begin = step_characters(line, at, -static_cast<std::ptrdiff_t>(k_excerpt_before));
  std::size_t end = step_characters(line, begin, static_cast<std::ptrdiff_t>(k_max_excerpt));
  if (end == line.size()) {
    begin = step_characters(line, end, -static_cast<std::ptrdiff_t>(k_max_excerpt));
  }
  std::string text = begin > 0 ? std::string(k_cut) : std::string();
  text += valid_utf8(line.substr(begin, end - begin));
  if (end < line.size()) {
    text += k_cut;
  }
  std::size_t prefix = begin > 0 ? k_cut.size() : 0;
  return {std::move(text), static_cast<std::uint32_t>(at - begin + prefix + 1)};
}

}  // namespace

std::string render_text(const std::vector<Diagnostic>& diagnostics, const Context& context) {
  std::string out;
  auto paint = [&](std::string_view colour, std::string_view text) {
    return context.colour ? fmt::format("{}{}{}", colour, text, k_reset) : std::string(text);
  };
  // One finding or related place: the location, the message and the source line with a caret.
  auto entry = [&](const std::string& file, Position position, Severity severity,
                   std::string_view message, std::string_view rule) {
    std::string location = file;
    if (position.line > 0) {
      location += fmt::format(":{}:{}", position.line, position.column);
    }
    out += paint(k_bold, location + ":");
    out += ' ';
    out += paint(colour_of(severity), fmt::format("{}:", to_string(severity)));
    out += fmt::format(" {}", message);
    if (!rule.empty()) {
      out += fmt::format(" [{}]", rule);
    }
    out += '\n';
    const SourceFile* source = context.source ? context.source(file) : nullptr;
    if (source && position.line > 0 && position.line <= source->line_count()) {
      Excerpt shown = excerpt(source->line(position.line), position.column);
      std::string gutter = fmt::format("{:>5}", position.line);
      out += fmt::format("{} | {}\n", gutter, shown.text);
      out += fmt::format("{} | {}{}\n", std::string(gutter.size(), ' '),
                         caret_line(shown.text, shown.column), paint(k_green, "^"));
    }
  };
  for (const Diagnostic& d : diagnostics) {
    entry(d.file, d.position, d.severity, d.message, d.rule);
    for (const Location& related : d.related) {
      entry(related.file, related.position, Severity::note, related.message, "");
    }
  }
  return out;
}

}  // namespace leaspec::report
