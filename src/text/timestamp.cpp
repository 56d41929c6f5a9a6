// SOURCE_DATE_EPOCH, the time reproducible outputs state.
#include <ctime>

#include <fmt/format.h>

#include "leaspec/source.hpp"
#include "leaspec/text.hpp"

namespace leaspec::text {

std::string Timestamp::iso8601() const {
  if (!seconds) {
    return {};
  }
  auto time = static_cast<std::time_t>(*seconds);
  std::tm utc{};
  gmtime_r(&time, &utc);
  return fmt::format("{:04}-{:02}-{:02}T{:02}:{:02}:{:02}Z", utc.tm_year + 1900, utc.tm_mon + 1,
                     utc.tm_mday, utc.tm_hour, utc.tm_min, utc.tm_sec);
}

Timestamp parse_source_date_epoch(const char* value) {
  if (!value || !*value) {
    return {};
  }
  // 9999-12-31T23:59:59Z, the last second ISO 8601 dates of four digits can state.
  constexpr std::int64_t k_last = 253402300799;
  std::int64_t seconds = 0;
  for (const char* c = value; *c; ++c) {
    if (*c < '0' || *c > '9' || seconds > k_last) {
      throw Error(
          fmt::format("SOURCE_DATE_EPOCH is \"{}\"; it must be a whole number of seconds since "
                      "1970-01-01 (for example 1767225600)",
                      value));
    }
    seconds = seconds * 10 + (*c - '0');
  }
  if (seconds > k_last) {
    throw Error(fmt::format("SOURCE_DATE_EPOCH {} is after the year 9999", value));
  }
  return Timestamp{seconds};
}

}  // namespace leaspec::text
