#include "cli/progress.hpp"

#include <cstdio>
#include <cstdlib>

#include <unistd.h>

#include <fmt/format.h>

namespace leaspec::cli {

Progress::Progress(bool wanted) {
  if (!wanted || isatty(fileno(stderr)) != 1) {
    return;
  }
  const char* no_colour = std::getenv("NO_COLOR");
  const char* term = std::getenv("TERM");
  bool dumb = !term || !*term || std::string_view(term) == "dumb";
  m_mode = (no_colour && *no_colour) || dumb ? Mode::plain : Mode::live;
}

Progress::~Progress() {
  if (m_mode == Mode::live && m_shown) {
    std::fputs("\r\x1b[K", stderr);
    std::fflush(stderr);
  }
}

void Progress::count(std::string_view verb, std::size_t done, std::size_t total,
                     std::string_view noun) {
  if (m_mode == Mode::off || total == 0) {
    return;
  }
  std::lock_guard lock(m_mutex);
  std::string text = fmt::format("leaspec: {} {} of {} {}", verb, done, total, noun);
  if (m_mode == Mode::plain) {
    std::size_t quarter = done * 4 / total;
    if (quarter > m_quarter) {
      m_quarter = quarter;
      show(text);
    }
    return;
  }
  auto now = std::chrono::steady_clock::now();
  if (done == total || now - m_last >= std::chrono::milliseconds(100)) {
    m_last = now;
    show(text);
  }
}

void Progress::stage(std::string_view text) {
  if (m_mode == Mode::off) {
    return;
  }
  std::lock_guard lock(m_mutex);
  show(fmt::format("leaspec: {}", text));
}

void Progress::show(const std::string& text) {
  if (m_mode == Mode::live) {
    fmt::print(stderr, "\r\x1b[K{}", text);
  } else {
    fmt::print(stderr, "{}\n", text);
  }
  std::fflush(stderr);
  m_shown = true;
}

}  // namespace leaspec::cli
