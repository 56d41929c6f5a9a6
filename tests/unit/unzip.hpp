#pragma once
// Reading a generated zip archive back with libzip, a reader independent of leaspec's writer.

#include <ctime>
#include <string>
#include <vector>

#include <doctest/doctest.h>
#include <zip.h>

namespace leaspec::test {

/// One entry of an archive as libzip reads it.
struct ZipPart {
  std::string name;
  std::string data;
  bool stored = false;
  std::time_t time = 0;
};

/// The entries of a zip archive, in order; every entry's CRC is checked on the way.
inline std::vector<ZipPart> unzip(const std::string& bytes) {
  zip_error_t error;
  zip_error_init(&error);
  zip_source_t* source = zip_source_buffer_create(bytes.data(), bytes.size(), 0, &error);
  zip_t* archive = zip_open_from_source(source, ZIP_RDONLY | ZIP_CHECKCONS, &error);
  REQUIRE(archive);
  std::vector<ZipPart> entries;
  for (zip_int64_t i = 0; i < zip_get_num_entries(archive, 0); ++i) {
    zip_stat_t stat;
    zip_stat_index(archive, static_cast<zip_uint64_t>(i), 0, &stat);
    std::string data(stat.size, '\0');
    zip_file_t* file = zip_fopen_index(archive, static_cast<zip_uint64_t>(i), 0);
    REQUIRE(file);
    CHECK(zip_fread(file, data.data(), stat.size) == static_cast<zip_int64_t>(stat.size));
    // Reading past the end verifies the CRC.
    char extra = 0;
    CHECK(zip_fread(file, &extra, 1) == 0);
    zip_fclose(file);
    entries.push_back({stat.name, data, stat.comp_method == ZIP_CM_STORE, stat.mtime});
  }
  zip_close(archive);
  return entries;
}

}  // namespace leaspec::test
