#include <doctest/doctest.h>

#include "leaspec/text.hpp"

using leaspec::text::ascii_iequals;
using leaspec::text::ascii_lower;

TEST_CASE("ascii_lower folds A-Z only and keeps UTF-8 as it is") {
  CHECK(ascii_lower("At Least 12 H") == "at least 12 h");
  CHECK(ascii_lower("ÉCRAN Über") == "Écran Über");
  CHECK(ascii_lower("") == "");
  CHECK(ascii_lower("@[`{") == "@[`{");
}

TEST_CASE("ascii_iequals compares ASCII letters without case") {
  CHECK(ascii_iequals("No More Than", "no more than"));
  CHECK(ascii_iequals("", ""));
  CHECK_FALSE(ascii_iequals("more", "more than"));
  CHECK_FALSE(ascii_iequals("@", "`"));
  CHECK_FALSE(ascii_iequals("É", "é"));
}
