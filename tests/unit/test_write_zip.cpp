// The deterministic zip: what libzip reads back is what was written, entry by entry and in
// order, with one timestamp and the mimetype stored.
#include <ctime>

#include <doctest/doctest.h>
#include "leaspec/write.hpp"
#include "unzip.hpp"
#include "write/zip.hpp"

using namespace leaspec;

using test::unzip;
using test::ZipPart;

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
  std::vector<ZipPart> entries = unzip(bytes);
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
  std::vector<ZipPart> dated = unzip(archive(new_year));
  std::vector<ZipPart> undated = unzip(archive({}));
  std::tm utc{};
  localtime_r(&dated[0].time, &utc);  // libzip reads DOS times as local time
  CHECK(utc.tm_year + 1900 == 2026);
  CHECK(utc.tm_mon == 0);
  localtime_r(&undated[1].time, &utc);
  CHECK(utc.tm_year + 1900 == 1980);
}
