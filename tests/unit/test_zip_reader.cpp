#include <doctest/doctest.h>

#include "leaspec/source.hpp"
#include "leaspec/write.hpp"
#include "leaspec/zip/reader.hpp"

using namespace leaspec;

namespace {

std::string archive(const std::vector<write::ZipEntry>& entries) {
  return write::make_zip(entries, {});
}

std::string error_of(const std::string& bytes, const zip::Limits& limits = {},
                     const std::string& entry = "") {
  try {
    zip::Reader reader(bytes, "a.zip", limits);
    if (!entry.empty()) {
      reader.read(entry);
    }
  } catch (const Error& e) {
    return e.what();
  }
  return "";
}

}  // namespace

TEST_CASE("stored and deflated entries read back with their names, in order") {
  std::string big(100000, 'x');
  zip::Reader reader(archive({{"a.txt", "hello", false}, {"dir/b.xml", big, true}}), "t.zip");
  REQUIRE(reader.entries().size() == 2);
  CHECK(reader.entries()[0].name == "a.txt");
  CHECK(reader.entries()[0].method == 0);
  CHECK(reader.entries()[1].method == 8);
  CHECK(reader.read("a.txt") == "hello");
  CHECK(reader.read("dir/b.xml") == big);
  CHECK(reader.find("missing") == nullptr);
  CHECK_THROWS_WITH(reader.read("missing"), "t.zip has no entry missing");
}

TEST_CASE("limits refuse zip bombs and oversized archives before inflating") {
  std::string bytes = archive({{"a", std::string(3u << 20, '0'), true}, {"b", "x", true}});
  zip::Limits ratio;
  CHECK(error_of(bytes, ratio) ==
        "a.zip is not a readable zip archive: a is compressed more than 200 to 1, as zip bombs "
        "are");
  zip::Limits entries;
  entries.max_entries = 1;
  entries.max_ratio = 100000;
  CHECK(error_of(bytes, entries) ==
        "a.zip is not a readable zip archive: it has 2 entries, more than the limit of 1");
  zip::Limits size;
  size.max_entry_size = 1000;
  CHECK(error_of(bytes, size) ==
        "a.zip is not a readable zip archive: a would uncompress to 3145728 bytes, more than the "
        "limit of 1000");
  zip::Limits total;
  total.max_ratio = 100000;
  total.max_total_size = 3u << 20;
  CHECK(error_of(bytes, total) ==
        "a.zip is not a readable zip archive: its entries would uncompress to more than the "
        "limit of 3145728 bytes");
}

TEST_CASE("damaged archives are reported, never read past their end") {
  CHECK(error_of("PK") == "a.zip is not a readable zip archive: it is too short");
  CHECK(error_of(std::string(100, 'z')) ==
        "a.zip is not a readable zip archive: it has no end-of-central-directory record");
  std::string bytes = archive({{"a.txt", std::string(5000, 'a') + "b", true}});
  std::string corrupt = bytes;
  corrupt[40] = static_cast<char>(corrupt[40] ^ 0x55);  // inside the deflated data
  std::string message = error_of(corrupt, {}, "a.txt");
  CHECK(message.rfind("a.zip is not a readable zip archive: ", 0) == 0);
  // Every truncation either fails cleanly or still reads.
  for (std::size_t cut = 0; cut < bytes.size(); cut += 7) {
    std::string part = bytes.substr(0, cut);
    CHECK_NOTHROW((void)error_of(part, {}, "a.txt"));
  }
  // A central directory that lies about the size is caught by inflating.
  std::string lying = bytes;
  std::size_t central = lying.rfind(std::string("PK\x01\x02", 4));
  REQUIRE(central != std::string::npos);
  lying[central + 24] = static_cast<char>(lying[central + 24] + 1);
  CHECK(error_of(lying, {}, "a.txt") ==
        "a.zip is not a readable zip archive: a.txt does not inflate to its declared 5002 bytes");
}
