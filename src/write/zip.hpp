#pragma once
// The deterministic zip the office formats are written through: entries are deflated as
// their parts are produced, so that no part is ever held whole in memory.

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include <fmt/format.h>

#include "leaspec/text.hpp"

namespace leaspec::write {

/// Writes a zip archive entry by entry into memory: fixed order (the order of `open`), one
/// timestamp for every entry, deflate at a fixed level, no extra fields, so that the same
/// input always gives the same bytes. Throws Error when an archive would exceed 4 GiB.
class ZipWriter {
 public:
  /// Entries carry `time`, or 1980-01-01 00:00 when it is unset or earlier.
  explicit ZipWriter(const text::Timestamp& time);
  ZipWriter(const ZipWriter&) = delete;
  ZipWriter& operator=(const ZipWriter&) = delete;
  ~ZipWriter();

  /// Starts an entry; the previous one, if any, is closed. `compress` false stores it.
  void open(std::string_view name, bool compress = true);
  /// Appends bytes to the open entry.
  void write(std::string_view data);
  /// Appends formatted text to the open entry.
  template <class... Args>
  void format(fmt::format_string<Args...> pattern, Args&&... args) {
    fmt::format_to(std::back_inserter(m_pending), pattern, std::forward<Args>(args)...);
    flush_if_full();
  }
  /// A whole entry at once.
  void entry(std::string_view name, std::string_view data, bool compress = true);
  /// Closes the open entry, writes the central directory and gives the archive.
  std::string finish();

 private:
  struct Entry {
    std::string name;
    std::uint32_t offset = 0;
    std::uint32_t crc = 0;
    std::uint32_t compressed = 0;
    std::uint32_t size = 0;
    bool deflated = true;
  };
  struct Deflater;

  void flush_if_full() {
    if (m_pending.size() >= k_chunk) {
      flush(false);
    }
  }
  void flush(bool last);
  void close();
  void append_u16(std::uint16_t value);
  void append_u32(std::uint32_t value);
  void patch_u32(std::size_t at, std::uint32_t value);
  void header(std::uint32_t signature, const Entry& entry, bool central);

  static constexpr std::size_t k_chunk = 1u << 16;

  std::uint16_t m_dos_time = 0;
  std::uint16_t m_dos_date = 0;
  std::string m_out;
  std::string m_pending;
  std::vector<Entry> m_entries;
  bool m_open = false;
  std::unique_ptr<Deflater> m_deflater;
};

}  // namespace leaspec::write
