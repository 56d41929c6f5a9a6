#include <doctest/doctest.h>

#include "leaspec/source.hpp"
#include "leaspec/text.hpp"

using namespace leaspec;

TEST_CASE("SOURCE_DATE_EPOCH is read strictly") {
  CHECK_FALSE(text::parse_source_date_epoch(nullptr).seconds);
  CHECK_FALSE(text::parse_source_date_epoch("").seconds);
  CHECK(text::parse_source_date_epoch("0").iso8601() == "1970-01-01T00:00:00Z");
  CHECK(text::parse_source_date_epoch("1767225600").iso8601() == "2026-01-01T00:00:00Z");
  CHECK(text::parse_source_date_epoch("253402300799").iso8601() == "9999-12-31T23:59:59Z");
  CHECK_THROWS_WITH_AS(text::parse_source_date_epoch("yesterday"),
                       "SOURCE_DATE_EPOCH is \"yesterday\"; it must be a whole number of seconds "
                       "since 1970-01-01 (for example 1767225600)",
                       Error);
  CHECK_THROWS_AS(text::parse_source_date_epoch("-5"), Error);
  CHECK_THROWS_AS(text::parse_source_date_epoch("12.5"), Error);
  CHECK_THROWS_AS(text::parse_source_date_epoch("253402300800"), Error);
  CHECK_THROWS_AS(text::parse_source_date_epoch("99999999999999999999999"), Error);
  CHECK(text::Timestamp{}.iso8601().empty());
}
