#pragma once
// Source files, positions inside them, and the diagnostics that report findings about them.

#include <cstdint>
#include <memory>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace leaspec {

/// A failure to do the job (unreadable file, unwritable output, bad usage), as opposed to a
/// finding about the input. Caught once in main and reported with exit code 2.
class Error : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

/// A 1-based line and column (the column counts bytes, as compilers do); 0 means unknown.
struct Position {
  std::uint32_t line = 0;
  std::uint32_t column = 0;

  friend bool operator==(const Position&, const Position&) = default;
  friend auto operator<=>(const Position&, const Position&) = default;
};

/// The text of one input file with fast access to its lines, for carets and positions.
class SourceFile {
 public:
  SourceFile(std::string path, std::string text);

  const std::string& path() const { return m_path; }
  const std::string& text() const { return m_text; }

  /// The text of 1-based line `line` without its line break; empty when out of range.
  std::string_view line(std::uint32_t line) const;
  std::uint32_t line_count() const { return static_cast<std::uint32_t>(m_line_starts.size()); }

  /// The position of a byte offset in the text.
  Position position_of(std::size_t offset) const;
  /// The byte offset of a position (clamped to the text).
  std::size_t offset_of(Position position) const;

 private:
  std::string m_path;
  std::string m_text;
  std::vector<std::size_t> m_line_starts;
};

/// Reads a whole file; throws Error with the reason when it cannot.
std::string read_file(const std::string& path, std::size_t max_bytes);

enum class Severity { error, warning, note };

std::string_view to_string(Severity severity);

/// Another place a finding concerns, such as the other side of a merge conflict.
struct Location {
  std::string file;
  Position position;
  std::string pointer;
  std::string message;  ///< what is there, for example "the other wording is here"
};

/// One finding about an input file.
struct Diagnostic {
  Severity severity = Severity::error;
  std::string rule;     ///< stable rule id, for example "duplicate-key"
  std::string message;  ///< one sentence, no trailing period
  std::string file;
  Position position;
  std::string pointer;  ///< JSON pointer of the node concerned, "" for the document
  std::vector<Location> related = {};
};

/// Collects diagnostics; nothing in the core prints them.
class DiagnosticSink {
 public:
  void report(Diagnostic diagnostic);
  const std::vector<Diagnostic>& diagnostics() const { return m_diagnostics; }
  std::size_t count(Severity severity) const;
  bool has_errors() const { return count(Severity::error) > 0; }
  /// Orders the diagnostics by file and position, keeping the order of equal ones.
  void sort_by_position();
  /// Counts `count` findings that were found but not kept.
  void omit(std::size_t count) { m_omitted += count; }
  /// Findings found but not kept, by omit() or limit().
  std::size_t omitted() const { return m_omitted; }
  /// Keeps the first `max` diagnostics of `file` and counts the others as omitted; when any
  /// were omitted, ends with a note that says how many and how to see them. For one file's
  /// sink.
  void limit(std::size_t max, const std::string& file);

 private:
  std::vector<Diagnostic> m_diagnostics;
  std::size_t m_omitted = 0;
};

/// Number of code points in a UTF-8 string (invalid bytes count one each).
std::size_t utf8_length(std::string_view text);

/// Byte offset of the first invalid UTF-8 sequence in `text`, or npos when it is valid.
std::size_t find_invalid_utf8(std::string_view text);

/// `text` with every invalid UTF-8 byte replaced by U+FFFD, so that it can be shown or
/// written into any format.
std::string valid_utf8(std::string_view text);

}  // namespace leaspec
