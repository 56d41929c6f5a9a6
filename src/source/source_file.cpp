#include <algorithm>
#include <cerrno>
#include <cstring>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

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

FileError::FileError(const std::string& path, std::string reason, std::string_view verb)
    : Error(fmt::format("cannot {} {}: {}", verb, path, reason)), m_reason(std::move(reason)) {}

std::string describe_errno(int error) {
  switch (error) {
    case ENOENT:
      return "no such file or directory";
    case EACCES:
    case EPERM:
      return "permission denied";
    case ELOOP:
      return "symbolic link loop (too many levels of symbolic links)";
    case ENOTDIR:
      return "a part of the path is not a folder";
    case EISDIR:
      return "it is a folder";
    case ENAMETOOLONG:
      return "the name is too long";
    default: {
      std::string text = std::strerror(error);
      if (!text.empty() && text[0] >= 'A' && text[0] <= 'Z') {
        text[0] = static_cast<char>(text[0] - 'A' + 'a');
      }
      return text;
    }
  }
}

std::string_view describe_file_type(unsigned mode) {
  switch (mode & S_IFMT) {
    case S_IFDIR:
      return "a folder";
    case S_IFIFO:
      return "a FIFO (named pipe)";
    case S_IFSOCK:
      return "a socket";
    case S_IFCHR:
      return "a character device";
    case S_IFBLK:
      return "a block device";
    case S_IFLNK:
      return "a symbolic link";
    default:
      return "a file";
  }
}

unsigned file_mode(const std::string& path) {
  struct stat info {};
  if (stat(path.c_str(), &info) == 0) {
    return info.st_mode;
  }
  int error = errno;
  struct stat link {};
  if (error == ENOENT && lstat(path.c_str(), &link) == 0 && S_ISLNK(link.st_mode)) {
    throw FileError(path, "it is a symbolic link to a file that does not exist");
  }
  throw FileError(path, describe_errno(error));
}

std::string not_regular_file(unsigned mode) {
  return fmt::format("it is {}, not a regular file", describe_file_type(mode));
}

namespace {

/// Closes a file descriptor when it goes out of scope.
struct Descriptor {
  int fd;
  ~Descriptor() {
    if (fd >= 0) {
      close(fd);
    }
  }
};

}  // namespace

std::string read_file(const std::string& path, std::size_t max_bytes) {
  if (unsigned mode = file_mode(path); !S_ISREG(mode)) {
    throw FileError(path, not_regular_file(mode));
  }
  // O_NONBLOCK: should the file have become a FIFO since the check, opening it does not wait.
  Descriptor file{open(path.c_str(), O_RDONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC)};
  struct stat info {};
  if (file.fd < 0 || fstat(file.fd, &info) != 0) {
    throw FileError(path, describe_errno(errno));
  }
  if (!S_ISREG(info.st_mode)) {
    throw FileError(path, not_regular_file(info.st_mode));
  }
  std::string text;
  text.reserve(std::min(static_cast<std::size_t>(info.st_size), max_bytes + 1));
  char buffer[65536];
  for (;;) {
    ssize_t n = ::read(file.fd, buffer, sizeof buffer);
    if (n < 0 && errno == EINTR) {
      continue;
    }
    if (n < 0) {
      throw FileError(path, describe_errno(errno));
    }
    if (n == 0) {
      return text;
    }
    text.append(buffer, static_cast<std::size_t>(n));
    if (text.size() > max_bytes) {
      throw FileError(path, fmt::format("it is larger than the limit of {} bytes", max_bytes));
    }
  }
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
