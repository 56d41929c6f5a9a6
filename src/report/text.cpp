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
      std::string_view line = source->line(position.line);
      std::string gutter = fmt::format("{:>5}", position.line);
      out += fmt::format("{} | {}\n", gutter, valid_utf8(line));
      out += fmt::format("{} | {}{}\n", std::string(gutter.size(), ' '),
                         caret_line(line, position.column), paint(k_green, "^"));
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
