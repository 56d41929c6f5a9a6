#pragma once
// A bounded reader of zip archives (.reqifz, .xlsx): the central directory, stored and
// deflated entries, and limits that keep a hostile archive (a zip bomb) cheap.

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace leaspec::zip {

/// Bounds on what an archive may make the reader do.
struct Limits {
  std::size_t max_entries = 10'000;
  /// Uncompressed bytes of one entry.
  std::uint64_t max_entry_size = 256u << 20;
  /// Uncompressed bytes of all entries together, as the central directory declares them.
  std::uint64_t max_total_size = 1u << 30;
  /// Uncompressed size over compressed size, checked for entries larger than
  /// `ratio_threshold` (small entries cannot make a bomb).
  std::uint64_t max_ratio = 200;
  std::uint64_t ratio_threshold = 1u << 20;
};

/// One entry of the central directory.
struct Entry {
  std::string name;
  std::uint16_t method = 0;  ///< 0 stored, 8 deflated
  std::uint16_t flags = 0;
  std::uint32_t crc32 = 0;
  std::uint64_t compressed_size = 0;
  std::uint64_t size = 0;  ///< uncompressed
  std::uint64_t header_offset = 0;
};

/// An archive read from memory. Every failure throws Error with a message that names the
/// archive and says what is wrong.
class Reader {
 public:
  /// Parses the central directory of `bytes`; `name` is the archive's name in messages.
  Reader(std::string bytes, std::string name, const Limits& limits = {});

  const std::vector<Entry>& entries() const { return m_entries; }
  /// The entry with this exact name, or nullptr.
  const Entry* find(std::string_view name) const;
  /// The uncompressed data of an entry, checked against its CRC-32.
  std::string read(const Entry& entry) const;
  /// The uncompressed data of the entry with this name; throws Error when there is none.
  std::string read(std::string_view name) const;

 private:
  void parse_central_directory();
  [[noreturn]] void fail(std::string_view message) const;

  std::string m_bytes;
  std::string m_name;
  Limits m_limits;
  std::vector<Entry> m_entries;
};

}  // namespace leaspec::zip
