#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fstream>
#include <sstream>

#include <fmt/format.h>

#include "leaspec/source.hpp"

namespace leaspec {

SourceFile::SourceFile(std::string path, std::string text)
    : m_path(std::move(path)), m_text(std::move(text)) {
  m_line_starts.push_back(0);
  for (std::size_t i = 0; i < m_text.size(); ++i) {
    if (m_text[i] == '\n') {
      m_line_starts.push_back(i + 1);
    }
  }
}

std::string_view SourceFile::line(std::uint32_t line) const {
  if (line == 0 || line > m_line_starts.size()) {
    return {};
  }
  std::size_t begin = m_line_starts[line - 1];
  std::size_t end = line < m_line_starts.size() ? m_line_starts[line] - 1 : m_text.size();
  std::string_view view(m_text);
  view = view.substr(begin, end - begin);
  if (!view.empty() && view.back() == '\r') {
    view.remove_suffix(1);
  }
  return view;
}

Position SourceFile::position_of(std::size_t offset) const {
  auto it = std::upper_bound(m_line_starts.begin(), m_line_starts.end(), offset);
  auto index = static_cast<std::size_t>(it - m_line_starts.begin());
  return {static_cast<std::uint32_t>(index),
          static_cast<std::uint32_t>(offset - m_line_starts[index - 1] + 1)};
}

std::size_t SourceFile::offset_of(Position position) const {
  if (position.line == 0 || position.line > m_line_starts.size()) {
    return position.line == 0 ? 0 : m_text.size();
  }
  std::size_t offset =
      m_line_starts[position.line - 1] + (position.column > 0 ? position.column - 1 : 0);
  return std::min(offset, m_text.size());
}

std::string read_file(const std::string& path, std::size_t max_bytes) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    throw Error(fmt::format("cannot open {}: {}", path, std::strerror(errno)));
  }
  std::string text;
  char buffer[65536];
  while (in.read(buffer, sizeof buffer) || in.gcount() > 0) {
    text.append(buffer, static_cast<std::size_t>(in.gcount()));
    if (text.size() > max_bytes) {
      throw Error(fmt::format("{} is larger than the limit of {} bytes", path, max_bytes));
    }
  }
  if (in.bad()) {
    throw Error(fmt::format("cannot read {}: {}", path, std::strerror(errno)));
  }
  return text;
}

std::size_t utf8_length(std::string_view text) {
  std::size_t count = 0;
  for (char c : text) {
    if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) {
      ++count;
    }
  }
  return count;
}

std::size_t find_invalid_utf8(std::string_view text) {
  std::size_t i = 0;
  while (i < text.size()) {
    auto c = static_cast<unsigned char>(text[i]);
    std::size_t extra = 0;
    std::uint32_t code = 0;
    if (c < 0x80) {
      ++i;
      continue;
    }
    if (c >= 0xC2 && c <= 0xDF) {
      extra = 1;
      code = c & 0x1Fu;
    } else if (c >= 0xE0 && c <= 0xEF) {
      extra = 2;
      code = c & 0x0Fu;
    } else if (c >= 0xF0 && c <= 0xF4) {
      extra = 3;
      code = c & 0x07u;
    } else {
      return i;
    }
    if (i + extra >= text.size()) {
      return i;
    }
    for (std::size_t k = 1; k <= extra; ++k) {
      auto next = static_cast<unsigned char>(text[i + k]);
      if ((next & 0xC0) != 0x80) {
        return i;
      }
      code = (code << 6) | (next & 0x3Fu);
    }
    bool overlong = (extra == 2 && code < 0x800) || (extra == 3 && code < 0x10000);
    bool surrogate = code >= 0xD800 && code <= 0xDFFF;
    if (overlong || surrogate || code > 0x10FFFF) {
      return i;
    }
    i += extra + 1;
  }
  return std::string_view::npos;
}

std::string valid_utf8(std::string_view text) {
  std::string result;
  result.reserve(text.size());
  while (!text.empty()) {
    std::size_t bad = find_invalid_utf8(text);
    if (bad == std::string_view::npos) {
      result += text;
      break;
    }
    result += text.substr(0, bad);
    result += "\xEF\xBF\xBD";
    text.remove_prefix(bad + 1);
  }
  return result;
}

}  // namespace leaspec
