// Zip archives read from memory: the end-of-central-directory record (and its zip64 form),
// the central directory, and stored or deflated entries inflated by zlib within the limits.
#include "leaspec/zip/reader.hpp"

#include <algorithm>

#include <fmt/format.h>
#include <zlib.h>

#include "leaspec/source.hpp"

namespace leaspec::zip {
namespace {

constexpr std::uint32_t k_end_signature = 0x06054b50;
constexpr std::uint32_t k_end64_locator_signature = 0x07064b50;
constexpr std::uint32_t k_end64_signature = 0x06064b50;
constexpr std::uint32_t k_central_signature = 0x02014b50;
constexpr std::uint32_t k_local_signature = 0x04034b50;
constexpr std::size_t k_end_size = 22;
constexpr std::size_t k_central_size = 46;
constexpr std::size_t k_local_size = 30;
constexpr std::uint16_t k_stored = 0;
constexpr std::uint16_t k_deflated = 8;

/// Little-endian fields of a byte range, with every read checked against its end.
class Cursor {
 public:
  Cursor(std::string_view bytes, std::size_t offset) : m_bytes(bytes), m_offset(offset) {}

  bool has(std::size_t count) const {
    return m_offset <= m_bytes.size() && m_bytes.size() - m_offset >= count;
  }
  std::uint64_t take(std::size_t width) {
    std::uint64_t value = 0;
    for (std::size_t i = 0; i < width; ++i) {
      value |= static_cast<std::uint64_t>(static_cast<unsigned char>(m_bytes[m_offset + i]))
               << (8 * i);
    }
    m_offset += width;
    return value;
  }
  std::uint16_t u16() { return static_cast<std::uint16_t>(take(2)); }
  std::uint32_t u32() { return static_cast<std::uint32_t>(take(4)); }
  std::uint64_t u64() { return take(8); }
  std::string_view bytes(std::size_t count) {
    std::string_view out = m_bytes.substr(m_offset, count);
    m_offset += count;
    return out;
  }
  void skip(std::size_t count) { m_offset += count; }
  std::size_t offset() const { return m_offset; }

 private:
  std::string_view m_bytes;
  std::size_t m_offset;
};

/// Where the central directory is and how many entries it holds.
struct Directory {
  std::uint64_t entries = 0;
  std::uint64_t size = 0;
  std::uint64_t offset = 0;
};

/// Applies a zip64 extended-information extra field to the values that overflowed.
void apply_zip64(std::string_view extra, Entry& entry) {
  Cursor cursor(extra, 0);
  while (cursor.has(4)) {
    std::uint16_t id = cursor.u16();
    std::uint16_t length = cursor.u16();
    if (!cursor.has(length)) {
      return;
    }
    Cursor field(cursor.bytes(length), 0);
    if (id != 0x0001) {
      continue;
    }
    if (entry.size == 0xFFFFFFFF && field.has(8)) {
      entry.size = field.u64();
    }
    if (entry.compressed_size == 0xFFFFFFFF && field.has(8)) {
      entry.compressed_size = field.u64();
    }
    if (entry.header_offset == 0xFFFFFFFF && field.has(8)) {
      entry.header_offset = field.u64();
    }
  }
}

}  // namespace

Reader::Reader(std::string bytes, std::string name, const Limits& limits)
    : m_bytes(std::move(bytes)), m_name(std::move(name)), m_limits(limits) {
  parse_central_directory();
}

void Reader::fail(std::string_view message) const {
  throw Error(fmt::format("{} is not a readable zip archive: {}", m_name, message));
}

void Reader::parse_central_directory() {
  std::string_view bytes = m_bytes;
  if (bytes.size() < k_end_size) {
    fail("it is too short");
  }
  // The end record is the last 22 bytes plus a comment of at most 65,535 bytes.
  std::size_t lowest = bytes.size() > k_end_size + 0xFFFF ? bytes.size() - k_end_size - 0xFFFF : 0;
  std::size_t end = std::string_view::npos;
  for (std::size_t at = bytes.size() - k_end_size + 1; at-- > lowest;) {
    if (Cursor(bytes, at).u32() == k_end_signature) {
      end = at;
      break;
    }
  }
  if (end == std::string_view::npos) {
    fail("it has no end-of-central-directory record");
  }
  Cursor record(bytes, end + 4);
  std::uint16_t disk = record.u16();
  std::uint16_t directory_disk = record.u16();
  record.skip(2);
  Directory directory{record.u16(), record.u32(), record.u32()};
  if (disk != 0 || directory_disk != 0) {
    fail("archives split over several files are not supported");
  }
  if (directory.entries == 0xFFFF || directory.size == 0xFFFFFFFF ||
      directory.offset == 0xFFFFFFFF) {
    Cursor locator(bytes, end >= 20 ? end - 20 : bytes.size());
    if (!locator.has(20) || locator.u32() != k_end64_locator_signature) {
      fail("its zip64 end record is missing");
    }
    locator.skip(4);
    Cursor end64(bytes, 0);
    std::uint64_t at = locator.u64();
    end64 = Cursor(bytes, at < bytes.size() ? static_cast<std::size_t>(at) : bytes.size());
    if (!end64.has(56) || end64.u32() != k_end64_signature) {
      fail("its zip64 end record is damaged");
    }
    end64.skip(20);
    end64.skip(8);
    directory = {end64.u64(), end64.u64(), end64.u64()};
  }
  if (directory.entries > m_limits.max_entries) {
    fail(fmt::format("it has {} entries, more than the limit of {}", directory.entries,
                     m_limits.max_entries));
  }
  if (directory.offset > bytes.size() || directory.size > bytes.size() - directory.offset) {
    fail("its central directory lies outside the file");
  }
  Cursor cursor(bytes.substr(0, static_cast<std::size_t>(directory.offset + directory.size)),
                static_cast<std::size_t>(directory.offset));
  std::uint64_t total = 0;
  for (std::uint64_t i = 0; i < directory.entries; ++i) {
    if (!cursor.has(k_central_size) || cursor.u32() != k_central_signature) {
      fail(fmt::format("central directory entry {} is damaged", i + 1));
    }
    Entry entry;
    cursor.skip(4);
    entry.flags = cursor.u16();
    entry.method = cursor.u16();
    cursor.skip(4);
    entry.crc32 = cursor.u32();
    entry.compressed_size = cursor.u32();
    entry.size = cursor.u32();
    std::uint16_t name_length = cursor.u16();
    std::uint16_t extra_length = cursor.u16();
    std::uint16_t comment_length = cursor.u16();
    cursor.skip(8);
    entry.header_offset = cursor.u32();
    if (!cursor.has(std::size_t{name_length} + extra_length + comment_length)) {
      fail(fmt::format("central directory entry {} is damaged", i + 1));
    }
    entry.name = std::string(cursor.bytes(name_length));
    apply_zip64(cursor.bytes(extra_length), entry);
    cursor.skip(comment_length);
    if (entry.size > m_limits.max_entry_size) {
      fail(fmt::format("{} would uncompress to {} bytes, more than the limit of {}", entry.name,
                       entry.size, m_limits.max_entry_size));
    }
    total += entry.size;
    if (total > m_limits.max_total_size) {
      fail(fmt::format("its entries would uncompress to more than the limit of {} bytes",
                       m_limits.max_total_size));
    }
    if (entry.size > m_limits.ratio_threshold &&
        entry.size / std::max<std::uint64_t>(entry.compressed_size, 1) > m_limits.max_ratio) {
      fail(fmt::format("{} is compressed more than {} to 1, as zip bombs are", entry.name,
                       m_limits.max_ratio));
    }
    m_entries.push_back(std::move(entry));
  }
}

const Entry* Reader::find(std::string_view name) const {
  auto found = std::find_if(m_entries.begin(), m_entries.end(),
                            [&](const Entry& entry) { return entry.name == name; });
  return found == m_entries.end() ? nullptr : &*found;
}

std::string Reader::read(std::string_view name) const {
  const Entry* entry = find(name);
  if (!entry) {
    throw Error(fmt::format("{} has no entry {}", m_name, name));
  }
  return read(*entry);
}

std::string Reader::read(const Entry& entry) const {
  std::string_view bytes = m_bytes;
  if (entry.flags & 0x1) {
    fail(fmt::format("{} is encrypted", entry.name));
  }
  if (entry.method != k_stored && entry.method != k_deflated) {
    fail(fmt::format("{} uses compression method {}; only stored and deflated entries are read",
                     entry.name, entry.method));
  }
  Cursor local(bytes, entry.header_offset < bytes.size() ? entry.header_offset : bytes.size());
  if (!local.has(k_local_size) || local.u32() != k_local_signature) {
    fail(fmt::format("the local header of {} is damaged", entry.name));
  }
  local.skip(22);
  std::size_t name_length = local.u16();
  std::size_t extra_length = local.u16();
  if (!local.has(name_length + extra_length)) {
    fail(fmt::format("the local header of {} is damaged", entry.name));
  }
  local.skip(name_length + extra_length);
  std::size_t start = local.offset();
  if (entry.compressed_size > bytes.size() - start) {
    fail(fmt::format("the data of {} lies outside the file", entry.name));
  }
  std::string_view data = bytes.substr(start, static_cast<std::size_t>(entry.compressed_size));
  std::string out;
  if (entry.method == k_stored) {
    if (entry.compressed_size != entry.size) {
      fail(fmt::format("the sizes of the stored entry {} differ", entry.name));
    }
    out = std::string(data);
  } else {
    // One byte more than declared, to catch an entry that inflates beyond its size.
    out.resize(static_cast<std::size_t>(entry.size) + 1);
    z_stream stream{};
    if (inflateInit2(&stream, -MAX_WBITS) != Z_OK) {
      fail("zlib cannot start inflating");
    }
    // zlib's interface takes non-const input; it does not write to it.
    stream.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
    stream.avail_in = static_cast<uInt>(std::min<std::size_t>(data.size(), 0xFFFFFFFFu));
    stream.next_out = reinterpret_cast<Bytef*>(out.data());
    stream.avail_out = static_cast<uInt>(out.size());
    int status = inflate(&stream, Z_FINISH);
    std::uint64_t produced = stream.total_out;
    inflateEnd(&stream);
    if (status != Z_STREAM_END || produced != entry.size) {
      fail(fmt::format("{} does not inflate to its declared {} bytes", entry.name, entry.size));
    }
    out.resize(static_cast<std::size_t>(produced));
  }
  auto crc = crc32(0L, reinterpret_cast<const Bytef*>(out.data()), static_cast<uInt>(out.size()));
  if (crc != entry.crc32) {
    fail(fmt::format("the CRC-32 of {} does not match its data", entry.name));
  }
  return out;
}

}  // namespace leaspec::zip
