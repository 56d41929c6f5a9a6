#include <doctest/doctest.h>

#include "leaspec/schema.hpp"

using leaspec::schema::check_format;

TEST_CASE("date knows month lengths and leap years") {
  CHECK(check_format("date", "2026-01-31"));
  CHECK(check_format("date", "2024-02-29"));
  CHECK(check_format("date", "2000-02-29"));
  CHECK_FALSE(check_format("date", "1900-02-29"));
  CHECK_FALSE(check_format("date", "2026-04-31"));
  CHECK_FALSE(check_format("date", "2026-13-01"));
  CHECK_FALSE(check_format("date", "2026-1-01"));
  CHECK_FALSE(check_format("date", "26-01-01"));
}

TEST_CASE("date-time and time need an offset and allow leap seconds only at 23:59:60 UTC") {
  CHECK(check_format("date-time", "2026-03-16T09:30:00Z"));
  CHECK(check_format("date-time", "2026-03-16T09:30:00.123+01:00"));
  CHECK_FALSE(check_format("date-time", "2026-03-16T09:30:00"));
  CHECK(check_format("time", "23:59:60Z"));
  CHECK(check_format("time", "00:59:60+01:00"));
  CHECK_FALSE(check_format("time", "22:59:60Z"));
  CHECK_FALSE(check_format("time", "24:00:00Z"));
}

TEST_CASE("network and identifier formats") {
  CHECK(check_format("email", "procurement@politie.nl"));
  CHECK_FALSE(check_format("email", "procurement.politie.nl"));
  CHECK(check_format("ipv4", "192.168.0.1"));
  CHECK_FALSE(check_format("ipv4", "192.168.0.01"));
  CHECK_FALSE(check_format("ipv4", "256.1.1.1"));
  CHECK(check_format("ipv6", "::1"));
  CHECK(check_format("ipv6", "2001:db8::8a2e:370:7334"));
  CHECK_FALSE(check_format("ipv6", "2001:db8:::1"));
  CHECK(check_format("hostname", "leaspec.eu"));
  CHECK_FALSE(check_format("hostname", "-bad.example"));
  CHECK(check_format("uuid", "2eb8aa08-aa98-11ea-b4aa-73b441d16380"));
  CHECK_FALSE(check_format("uuid", "2eb8aa08-aa98-11ea-b4aa-73b441d1638"));
  CHECK(check_format("uri", "https://leaspec.eu/schema/spec/1"));
  CHECK_FALSE(check_format("uri", "//no-scheme"));
  CHECK(check_format("uri-reference", "../spec.yaml#/sections"));
  CHECK(check_format("json-pointer", "/sections/0/requirements"));
  CHECK_FALSE(check_format("json-pointer", "/a~2"));
  CHECK(check_format("duration", "P3Y6M4DT12H30M5S"));
  CHECK(check_format("duration", "P4W"));
  CHECK_FALSE(check_format("duration", "P1Y2W"));
  CHECK_FALSE(check_format("duration", "PT"));
  CHECK(check_format("regex", "^[A-Z]+$"));
  CHECK_FALSE(check_format("regex", "(unclosed"));
  CHECK(check_format("unknown-format", "anything"));
}
