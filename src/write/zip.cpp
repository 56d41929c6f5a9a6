// A deterministic zip on zlib's deflate: entries in the order given, one fixed timestamp,
// deflate level 6 with a 32 KiB window, no extra fields, Unix permissions 0644.
#include "write/zip.hpp"

#include <algorithm>
#include <ctime>
#include <limits>

#include <zlib.h>

#include "leaspec/source.hpp"
#include "leaspec/write.hpp"

namespace leaspec::write {
namespace {

constexpr std::uint32_t k_local_signature = 0x04034b50;
constexpr std::uint32_t k_central_signature = 0x02014b50;
constexpr std::uint32_t k_end_signature = 0x06054b50;
constexpr std::uint16_t k_version_needed = 20;              // deflate, zip 2.0
constexpr std::uint16_t k_version_made_by = (3 << 8) | 20;  // Unix, zip 2.0
constexpr std::uint16_t k_utf8_names = 1u << 11;
constexpr std::uint32_t k_permissions = 0100644u << 16;
constexpr int k_level = 6;

/// DOS time and date fields of `when` in UTC, or of 1980-01-01 00:00 (the earliest a zip
/// entry can carry) when it is unset or earlier. Years after 2107 do not fit and clamp.
std::pair<std::uint16_t, std::uint16_t> dos_time(const text::Timestamp& when) {
  std::tm utc{};
  utc.tm_year = 80;
  utc.tm_mday = 1;
  constexpr std::int64_t k_first = 315532800;  // 1980-01-01T00:00:00Z
  constexpr std::int64_t k_last = 4354819198;  // 2107-12-31T23:59:58Z
  if (when.seconds && *when.seconds >= k_first) {
    auto time = static_cast<std::time_t>(std::min(*when.seconds, k_last));
    gmtime_r(&time, &utc);
  }
  auto time =
      static_cast<std::uint16_t>((utc.tm_hour << 11) | (utc.tm_min << 5) | (utc.tm_sec / 2));
  auto date =
      static_cast<std::uint16_t>(((utc.tm_year - 80) << 9) | ((utc.tm_mon + 1) << 5) | utc.tm_mday);
  return {time, date};
}

[[noreturn]] void too_large() {
  throw Error("cannot write the zip archive: it would exceed 4 GiB");
}

std::uint32_t checked_u32(std::size_t value) {
  if (value > std::numeric_limits<std::uint32_t>::max()) {
    too_large();
  }
  return static_cast<std::uint32_t>(value);
}

}  // namespace

/// zlib's raw deflate stream, reset for every entry.
struct ZipWriter::Deflater {
  z_stream stream{};

  Deflater() {
    if (deflateInit2(&stream, k_level, Z_DEFLATED, -MAX_WBITS, 8, Z_DEFAULT_STRATEGY) != Z_OK) {
      throw Error("cannot write the zip archive: zlib does not start");
    }
  }
  Deflater(const Deflater&) = delete;
  Deflater& operator=(const Deflater&) = delete;
  ~Deflater() { deflateEnd(&stream); }
};

ZipWriter::ZipWriter(const text::Timestamp& time) {
  std::tie(m_dos_time, m_dos_date) = dos_time(time);
  m_pending.reserve(k_chunk + 4096);
}

ZipWriter::~ZipWriter() = default;

void ZipWriter::append_u16(std::uint16_t value) {
  m_out.push_back(static_cast<char>(value & 0xFF));
  m_out.push_back(static_cast<char>(value >> 8));
}

void ZipWriter::append_u32(std::uint32_t value) {
  for (int shift = 0; shift < 32; shift += 8) {
    m_out.push_back(static_cast<char>((value >> shift) & 0xFF));
  }
}

void ZipWriter::patch_u32(std::size_t at, std::uint32_t value) {
  for (int i = 0; i < 4; ++i) {
    m_out[at + static_cast<std::size_t>(i)] = static_cast<char>((value >> (8 * i)) & 0xFF);
  }
}

void ZipWriter::header(std::uint32_t signature, const Entry& entry, bool central) {
  append_u32(signature);
  if (central) {
    append_u16(k_version_made_by);
  }
  append_u16(k_version_needed);
  append_u16(k_utf8_names);
  append_u16(entry.deflated ? Z_DEFLATED : 0);
  append_u16(m_dos_time);
  append_u16(m_dos_date);
  append_u32(entry.crc);
  append_u32(entry.compressed);
  append_u32(entry.size);
  append_u16(static_cast<std::uint16_t>(entry.name.size()));
  append_u16(0);  // extra field
  if (central) {
    append_u16(0);  // comment
    append_u16(0);  // disk
    append_u16(0);  // internal attributes
    append_u32(k_permissions);
    append_u32(entry.offset);
  }
  m_out += entry.name;
}

void ZipWriter::open(std::string_view name, bool compress) {
  close();
  if (name.size() > std::numeric_limits<std::uint16_t>::max()) {
    throw Error("cannot write the zip archive: an entry name is too long");
  }
  Entry entry;
  entry.name = std::string(name);
  entry.offset = checked_u32(m_out.size());
  entry.deflated = compress;
  header(k_local_signature, entry, false);
  m_entries.push_back(std::move(entry));
  if (compress) {
    if (!m_deflater) {
      m_deflater = std::make_unique<Deflater>();
    } else {
      deflateReset(&m_deflater->stream);
    }
  }
  m_open = true;
}

void ZipWriter::write(std::string_view data) {
  m_pending.append(data);
  flush_if_full();
}

void ZipWriter::flush(bool last) {
  Entry& entry = m_entries.back();
  std::size_t size = entry.size + m_pending.size();
  entry.size = checked_u32(size);
  entry.crc = static_cast<std::uint32_t>(
      crc32_z(entry.crc, reinterpret_cast<const Bytef*>(m_pending.data()), m_pending.size()));
  if (!entry.deflated) {
    m_out += m_pending;
    m_pending.clear();
    return;
  }
  z_stream& stream = m_deflater->stream;
  stream.next_in = reinterpret_cast<Bytef*>(m_pending.data());
  stream.avail_in = static_cast<uInt>(m_pending.size());
  int result = Z_OK;
  do {
    std::size_t used = m_out.size();
    std::size_t room = deflateBound(&stream, stream.avail_in) + 64;
    m_out.resize(used + room);
    stream.next_out = reinterpret_cast<Bytef*>(m_out.data() + used);
    stream.avail_out = static_cast<uInt>(room);
    result = deflate(&stream, last ? Z_FINISH : Z_NO_FLUSH);
    m_out.resize(used + room - stream.avail_out);
    if (result == Z_STREAM_ERROR) {
      throw Error("cannot write the zip archive: deflate failed");
    }
  } while (stream.avail_in > 0 || (last && result != Z_STREAM_END));
  m_pending.clear();
}

void ZipWriter::close() {
  if (!m_open) {
    return;
  }
  flush(true);
  Entry& entry = m_entries.back();
  std::size_t data_start = entry.offset + 30 + entry.name.size();
  entry.compressed = checked_u32(m_out.size() - data_start);
  patch_u32(entry.offset + 14, entry.crc);
  patch_u32(entry.offset + 18, entry.compressed);
  patch_u32(entry.offset + 22, entry.size);
  m_open = false;
}

void ZipWriter::entry(std::string_view name, std::string_view data, bool compress) {
  open(name, compress);
  write(data);
  close();
}

std::string ZipWriter::finish() {
  close();
  if (m_entries.size() > std::numeric_limits<std::uint16_t>::max()) {
    throw Error("cannot write the zip archive: too many entries");
  }
  std::uint32_t directory = checked_u32(m_out.size());
  for (const Entry& entry : m_entries) {
    header(k_central_signature, entry, true);
  }
  std::uint32_t directory_size = checked_u32(m_out.size() - directory);
  append_u32(k_end_signature);
  append_u16(0);
  append_u16(0);
  append_u16(static_cast<std::uint16_t>(m_entries.size()));
  append_u16(static_cast<std::uint16_t>(m_entries.size()));
  append_u32(directory_size);
  append_u32(directory);
  append_u16(0);  // comment
  return std::move(m_out);
}

std::string make_zip(const std::vector<ZipEntry>& entries, const text::Timestamp& when) {
  ZipWriter zip(when);
  for (const ZipEntry& entry : entries) {
    zip.entry(entry.name, entry.data, entry.compress);
  }
  return zip.finish();
}

}  // namespace leaspec::write
