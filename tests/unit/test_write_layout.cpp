// Column widths from the content: no column narrower than its widest word, the width filled,
// preferred shares honoured where the words leave room.
#include <numeric>

#include <doctest/doctest.h>

#include "write/layout.hpp"

using namespace leaspec;

namespace {

doc::Run word(const std::string& text) {
  doc::Run run{text, false, false};
  run.unbroken = true;
  return run;
}

double total(const std::vector<double>& widths) {
  return std::accumulate(widths.begin(), widths.end(), 0.0);
}

}  // namespace

TEST_CASE("text is measured with the metrics of Liberation Sans") {
  // Helvetica, Arial and Liberation Sans: "Id" is 278 + 556 thousandths of an em.
  CHECK(write::text_width("Id", 10, false) == doctest::Approx(8.34));
  CHECK(write::text_width("Id", 10, true) == doctest::Approx(8.89));
  CHECK(write::text_width("Łódź", 10, false) > write::text_width("Lodz", 10, false));
}

TEST_CASE("a column is never narrower than its widest word") {
  doc::Document document;
  doc::Table table;
  table.header_rows = 0;
  table.widths = {1, 8, 1};
  table.rows = {
      {{word("BWC-VID-001")},
       {{"a statement long enough to take every point the other columns leave", false, false}},
       {word("Demonstration")}}};
  std::vector<write::ColumnNeed> needs = write::column_needs(document, table, 10);
  REQUIRE(needs.size() == 3);
  CHECK(needs[0].fixed == doctest::Approx(write::text_width("BWC-VID-001", 10, false)));
  CHECK(needs[1].fixed == 0);
  CHECK(needs[1].word == doctest::Approx(write::text_width("statement", 10, false)));
  std::vector<double> widths = write::fit_columns(needs, table.widths, 300, 10);
  CHECK(total(widths) == doctest::Approx(300));
  // The identifier and the method get exactly their words with the margin; the statement,
  // which prefers more than the rest, gets the rest.
  CHECK(widths[0] == doctest::Approx(needs[0].fixed * 1.1 + 10));
  CHECK(widths[2] == doctest::Approx(needs[2].fixed * 1.1 + 10));
  CHECK(widths[1] > needs[1].word * 1.1 + 10);
}

TEST_CASE("when the words do not all fit, unbroken words keep their width") {
  std::vector<write::ColumnNeed> needs = {{50, 50, 50}, {200, 0, 400}, {200, 0, 400}};
  std::vector<double> widths = write::fit_columns(needs, {1, 1, 1}, 300, 0);
  CHECK(total(widths) == doctest::Approx(300));
  CHECK(widths[0] >= 55);  // 50 with the margin for wider fonts
  CHECK(widths[1] == doctest::Approx(widths[2]));
}

TEST_CASE("when everything fits, the room goes to the preferred shares") {
  std::vector<write::ColumnNeed> needs = {{20, 0, 20}, {20, 0, 30}};
  std::vector<double> widths = write::fit_columns(needs, {3, 7}, 400, 0);
  CHECK(total(widths) == doctest::Approx(400));
  CHECK(widths[0] == doctest::Approx(120));
  CHECK(widths[1] == doctest::Approx(280));
}

TEST_CASE("tables of one layout share their widths") {
  doc::Document document;
  for (const char* id : {"R-1", "BWC-VID-001-LONG"}) {
    doc::Table table;
    table.widths = {1, 4};
    table.layout = 1;
    table.rows = {{{word(id)}, {{"text", false, false}}}};
    document.blocks.push_back(table);
  }
  std::vector<std::vector<double>> widths = write::fit_tables(document, 400, 10, 10);
  REQUIRE(widths.size() == 2);
  CHECK(widths[0] == widths[1]);
  CHECK(widths[0][0] >= write::text_width("BWC-VID-001-LONG", 10, false) + 10);
}

TEST_CASE("wrapped lines count the lines a cell takes") {
  CHECK(write::wrapped_lines("", 100, 10, false) == 1);
  CHECK(write::wrapped_lines("one two", 1000, 10, false) == 1);
  CHECK(write::wrapped_lines("one\ntwo", 1000, 10, false) == 2);
  double one = write::text_width("one two", 10, false);
  CHECK(write::wrapped_lines("one two one two", one + 1, 10, false) == 2);
  // A word wider than the column breaks, on as many lines as it needs.
  CHECK(write::wrapped_lines(std::string(30, 'm'), write::text_width("mmmmmmmmmm", 10, false), 10,
                             false) == 3);
}
