// A deterministic zip on libzip: fixed entry order, fixed timestamps, fixed compression.
#include <algorithm>
#include <ctime>
#include <memory>

#include <fmt/format.h>
#include <zip.h>

#include "leaspec/source.hpp"
#include "leaspec/write.hpp"

namespace leaspec::write {
namespace {

/// DOS date and time fields of `time` in UTC, or of 1980-01-01 00:00 (the earliest a zip
/// entry can carry) when it is unset or earlier. Years after 2107 do not fit and clamp.
std::pair<zip_uint16_t, zip_uint16_t> dos_time(const text::Timestamp& when) {
  std::tm utc{};
  utc.tm_year = 80;
  utc.tm_mday = 1;
  constexpr std::int64_t k_first = 315532800;  // 1980-01-01T00:00:00Z
  constexpr std::int64_t k_last = 4354819198;  // 2107-12-31T23:59:58Z
  if (when.seconds && *when.seconds >= k_first) {
    auto time = static_cast<std::time_t>(std::min(*when.seconds, k_last));
    gmtime_r(&time, &utc);
  }
  auto time = static_cast<zip_uint16_t>((utc.tm_hour << 11) | (utc.tm_min << 5) | (utc.tm_sec / 2));
  auto date =
      static_cast<zip_uint16_t>(((utc.tm_year - 80) << 9) | ((utc.tm_mon + 1) << 5) | utc.tm_mday);
  return {time, date};
}

[[noreturn]] void fail(std::string_view what, zip_error_t* error) {
  throw Error(
      fmt::format("cannot write the zip archive ({}): {}", what, zip_error_strerror(error)));
}

}  // namespace

std::string make_zip(const std::vector<ZipEntry>& entries, const text::Timestamp& when) {
  zip_error_t error;
  zip_error_init(&error);
  zip_source_t* buffer = zip_source_buffer_create(nullptr, 0, 0, &error);
  if (!buffer) {
    fail("buffer", &error);
  }
  zip_t* archive = zip_open_from_source(buffer, ZIP_TRUNCATE, &error);
  if (!archive) {
    zip_source_free(buffer);
    fail("open", &error);
  }
  zip_source_keep(buffer);
  auto [time, date] = dos_time(when);
  for (const ZipEntry& entry : entries) {
    zip_source_t* source = zip_source_buffer(archive, entry.data.data(), entry.data.size(), 0);
    zip_int64_t index =
        source ? zip_file_add(archive, entry.name.c_str(), source, ZIP_FL_ENC_UTF_8) : -1;
    if (index < 0) {
      if (source) {
        zip_source_free(source);
      }
      std::string message = zip_strerror(archive);
      zip_discard(archive);
      zip_source_free(buffer);
      throw Error(fmt::format("cannot add {} to the zip archive: {}", entry.name, message));
    }
    auto i = static_cast<zip_uint64_t>(index);
    zip_set_file_compression(archive, i, entry.compress ? ZIP_CM_DEFLATE : ZIP_CM_STORE, 9);
    zip_file_set_dostime(archive, i, time, date, 0);
    zip_file_set_external_attributes(archive, i, 0, ZIP_OPSYS_UNIX, 0100644u << 16);
  }
  if (zip_close(archive) < 0) {
    std::string message = zip_strerror(archive);
    zip_discard(archive);
    zip_source_free(buffer);
    throw Error(fmt::format("cannot write the zip archive: {}", message));
  }
  std::string bytes;
  if (zip_source_open(buffer) == 0) {
    zip_source_seek(buffer, 0, SEEK_END);
    zip_int64_t size = zip_source_tell(buffer);
    zip_source_seek(buffer, 0, SEEK_SET);
    bytes.resize(static_cast<std::size_t>(size > 0 ? size : 0));
    zip_int64_t read = zip_source_read(buffer, bytes.data(), bytes.size());
    zip_source_close(buffer);
    if (read != size) {
      zip_source_free(buffer);
      throw Error("cannot read back the zip archive");
    }
  }
  zip_source_free(buffer);
  return bytes;
}

}  // namespace leaspec::write
