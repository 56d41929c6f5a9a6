#pragma once
// Progress of long work, shown on standard error while a command runs.

#include <chrono>
#include <cstddef>
#include <mutex>
#include <string>
#include <string_view>

namespace leaspec::cli {

/// Shows what a long command is doing on standard error, only when standard error is a
/// terminal. On a capable terminal one line is rewritten in place and erased at the end;
/// with TERM=dumb or NO_COLOR set, plain lines are printed instead (no cursor movement).
/// Safe to call from several threads.
class Progress {
 public:
  /// `wanted` is the command's own condition (text output, enough work to be worth it).
  explicit Progress(bool wanted);
  Progress(const Progress&) = delete;
  Progress& operator=(const Progress&) = delete;
  /// Erases the progress line.
  ~Progress();

  /// "checked 12 of 500 files": rewritten at most ten times a second, and at the end; plain
  /// lines at each quarter.
  void count(std::string_view verb, std::size_t done, std::size_t total, std::string_view noun);

  /// One step of a longer job ("writing annex.docx").
  void stage(std::string_view text);

  /// Whether anything is shown at all.
  bool active() const { return m_mode != Mode::off; }

 private:
  enum class Mode { off, plain, live };

  void show(const std::string& text);

  Mode m_mode = Mode::off;
  bool m_shown = false;
  std::size_t m_quarter = 0;
  std::chrono::steady_clock::time_point m_last{};
  std::mutex m_mutex;
};

}  // namespace leaspec::cli
