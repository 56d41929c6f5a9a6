// The deterministic zip: what libzip reads back is what was written, entry by entry and in
// order, with one timestamp and the mimetype stored.
#include <ctime>

#include <doctest/doctest.h>
#include <zip.h>

#include "leaspec/write.hpp"
#include "write/zip.hpp"

using namespace leaspec;

namespace {

struct Read {
  std::string name;
  std::string data;
  bool stored;
  std::time_t time;
};

std::vector<Read> read_back(const std::string& bytes) {
  zip_error_t error;
  zip_error_init(&error);
  zip_source_t* source = zip_source_buffer_create(bytes.data(), bytes.size(), 0, &error);
  zip_t* archive = zip_open_from_source(source, ZIP_RDONLY | ZIP_CHECKCONS, &error);
  REQUIRE(archive);
  std::vector<Read> entries;
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

}  // namespace

TEST_CASE("entries are written as they come, large ones in many pieces") {
  write::ZipWriter zip({});
  zip.entry("mimetype", "application/vnd.oasis.opendocument.text", false);
  zip.open("content.xml");
  std::string expected;
  for (int i = 0; i < 50000; ++i) {
    zip.format("<row n=\"{}\"/>", i);
    expected += fmt::format("<row n=\"{}\"/>", i);
  }
  zip.entry("empty", "");
  std::string bytes = zip.finish();
  std::vector<Read> entries = read_back(bytes);
  REQUIRE(entries.size() == 3);
  CHECK(entries[0].name == "mimetype");
  CHECK(entries[0].stored);
  CHECK(entries[0].data == "application/vnd.oasis.opendocument.text");
  CHECK(entries[1].name == "content.xml");
  CHECK_FALSE(entries[1].stored);
  CHECK(entries[1].data == expected);
  CHECK(bytes.size() < expected.size() / 5);
  CHECK(entries[2].data.empty());
  // The local header of the first entry has no extra field, so its data starts at 38.
  CHECK(bytes.substr(30, 8) == "mimetype");
  CHECK(bytes.substr(38, 39) == "application/vnd.oasis.opendocument.text");
}

TEST_CASE("the same entries give the same bytes, with the timestamp given or 1980") {
  auto archive = [](const text::Timestamp& time) {
    return write::make_zip({{"a.xml", "<a/>"}, {"b.txt", "b", false}}, time);
  };
  CHECK(archive({}) == archive({}));
  text::Timestamp new_year{1767225600};  // 2026-01-01T00:00:00Z
  CHECK(archive(new_year) != archive({}));
  std::vector<Read> dated = read_back(archive(new_year));
  std::vector<Read> undated = read_back(archive({}));
  std::tm utc{};
  localtime_r(&dated[0].time, &utc);  // libzip reads DOS times as local time
  CHECK(utc.tm_year + 1900 == 2026);
  CHECK(utc.tm_mon == 0);
  localtime_r(&undated[1].time, &utc);
  CHECK(utc.tm_year + 1900 == 1980);
}
