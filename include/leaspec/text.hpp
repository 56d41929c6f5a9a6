#pragma once
// Text helpers every output shares: escaping for XML, HTML and Markdown, cleaning text for
// documents, ASCII case folding, SHA-256, and the time that reproducible outputs state.

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>

namespace leaspec::text {

/// Escapes text for XML content and attribute values (& < > " ') and replaces every
/// character that XML 1.0 cannot carry (C0 controls other than tab, line feed and carriage
/// return, U+FFFE, U+FFFF, invalid UTF-8) with U+FFFD, so that the result is always
/// well-formed.
std::string xml_escape(std::string_view text);

/// Escapes text for HTML content and attribute values.
std::string html_escape(std::string_view text);

/// Escapes Markdown punctuation and HTML so that the text shows as written; in a table cell
/// a line break becomes `<br>` and `|` is escaped.
std::string markdown_escape(std::string_view text, bool in_table);

/// Replaces control characters and the noncharacters U+FFFE and U+FFFF, which no document
/// format can carry, and invalid UTF-8, with U+FFFD; keeps tab and line feed.
std::string clean_text(std::string_view text);

/// `text` with the ASCII letters A-Z in lower case; every other byte, UTF-8 included, is kept.
std::string ascii_lower(std::string_view text);

/// Whether `a` and `b` are equal when ASCII letters are compared without case.
bool ascii_iequals(std::string_view a, std::string_view b);

/// Hex SHA-256 digest (FIPS 180-4) of `data`.
std::string sha256_hex(std::string_view data);

/// The time reproducible outputs state: SOURCE_DATE_EPOCH, read once by the command line
/// and passed to whatever writes a date.
struct Timestamp {
  /// Seconds since 1970-01-01T00:00:00Z; nullopt when SOURCE_DATE_EPOCH is not set.
  std::optional<std::int64_t> seconds;

  /// ISO 8601 UTC date-time (2026-01-01T00:00:00Z), or empty when not set.
  std::string iso8601() const;
};

/// Parses the value of SOURCE_DATE_EPOCH (nullptr or empty: not set). Throws Error when the
/// value is not a whole number of seconds between 1970 and 9999.
Timestamp parse_source_date_epoch(const char* value);

/// Receives a large output piece by piece as it is produced (a file being written, a zip
/// entry), so that the output is never held whole in memory.
using Sink = std::function<void(std::string_view bytes)>;

/// Gathers the small pieces a writer produces and hands them to a sink in large blocks.
class SinkBuffer {
 public:
  explicit SinkBuffer(const Sink& sink) : m_sink(sink) {}
  SinkBuffer(const SinkBuffer&) = delete;
  SinkBuffer& operator=(const SinkBuffer&) = delete;
  /// Flushing can throw (a full disk), so it is never left to the destructor.
  ~SinkBuffer() = default;

  void write(std::string_view bytes) {
    m_buffer.append(bytes);
    if (m_buffer.size() >= k_block) {
      flush();
    }
  }
  /// Hands what is gathered to the sink; call it once the output is complete.
  void flush();

 private:
  static constexpr std::size_t k_block = 1u << 16;
  const Sink& m_sink;
  std::string m_buffer;
};

/// An output gathered whole into a string, for callers that want the bytes.
std::string collect(const std::function<void(const Sink&)>& produce);

}  // namespace leaspec::text
