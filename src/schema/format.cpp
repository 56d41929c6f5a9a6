#include <cctype>
#include <string>

#include "leaspec/schema.hpp"
#include "schema/compiled.hpp"
#include "schema/regex.hpp"

namespace leaspec::schema {
namespace {

bool digits(std::string_view text, std::size_t pos, std::size_t count, int& value) {
  if (pos + count > text.size()) {
    return false;
  }
  value = 0;
  for (std::size_t i = pos; i < pos + count; ++i) {
    if (!std::isdigit(static_cast<unsigned char>(text[i]))) {
      return false;
    }
    value = value * 10 + (text[i] - '0');
  }
  return true;
}

bool is_leap(int year) {
  return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
}

bool check_date(std::string_view text) {
  int year = 0, month = 0, day = 0;
  if (text.size() != 10 || text[4] != '-' || text[7] != '-' || !digits(text, 0, 4, year) ||
      !digits(text, 5, 2, month) || !digits(text, 8, 2, day)) {
    return false;
  }
  static const int k_days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (month < 1 || month > 12 || day < 1) {
    return false;
  }
  int limit = k_days[month - 1] + (month == 2 && is_leap(year) ? 1 : 0);
  return day <= limit;
}

bool check_time(std::string_view text) {
  int hour = 0, minute = 0, second = 0;
  if (text.size() < 9 || text[2] != ':' || text[5] != ':' || !digits(text, 0, 2, hour) ||
      !digits(text, 3, 2, minute) || !digits(text, 6, 2, second)) {
    return false;
  }
  std::size_t i = 8;
  if (i < text.size() && text[i] == '.') {
    std::size_t start = ++i;
    while (i < text.size() && std::isdigit(static_cast<unsigned char>(text[i]))) {
      ++i;
    }
    if (i == start) {
      return false;
    }
  }
  if (i >= text.size()) {
    return false;
  }
  int offset_minutes = 0;
  if (text[i] == 'Z' || text[i] == 'z') {
    if (i + 1 != text.size()) {
      return false;
    }
  } else if (text[i] == '+' || text[i] == '-') {
    int offset_hour = 0, offset_minute = 0;
    if (text.size() != i + 6 || text[i + 3] != ':' || !digits(text, i + 1, 2, offset_hour) ||
        !digits(text, i + 4, 2, offset_minute) || offset_hour > 23 || offset_minute > 59) {
      return false;
    }
    offset_minutes = (offset_hour * 60 + offset_minute) * (text[i] == '+' ? 1 : -1);
  } else {
    return false;
  }
  if (hour > 23 || minute > 59 || second > 60) {
    return false;
  }
  if (second == 60) {
    // A leap second happens at 23:59:60 UTC only.
    int utc = ((hour * 60 + minute - offset_minutes) % 1440 + 1440) % 1440;
    return utc == 23 * 60 + 59;
  }
  return true;
}

bool check_date_time(std::string_view text) {
  if (text.size() < 20 || (text[10] != 'T' && text[10] != 't')) {
    return false;
  }
  return check_date(text.substr(0, 10)) && check_time(text.substr(11));
}

bool check_ipv4(std::string_view text) {
  int parts = 0;
  std::size_t i = 0;
  while (parts < 4) {
    std::size_t start = i;
    int value = 0;
    while (i < text.size() && std::isdigit(static_cast<unsigned char>(text[i])) && i - start < 3) {
      value = value * 10 + (text[i] - '0');
      ++i;
    }
    std::size_t length = i - start;
    if (length == 0 || value > 255 || (length > 1 && text[start] == '0')) {
      return false;
    }
    ++parts;
    if (parts < 4) {
      if (i >= text.size() || text[i] != '.') {
        return false;
      }
      ++i;
    }
  }
  return i == text.size();
}

bool check_ipv6(std::string_view text) {
  if (text.empty() || text.size() > 45) {
    return false;
  }
  int groups = 0;
  bool compressed = false;
  std::size_t i = 0;
  if (text.substr(0, 2) == "::") {
    compressed = true;
    i = 2;
    if (i == text.size()) {
      return true;
    }
  } else if (text[0] == ':') {
    return false;
  }
  while (i < text.size()) {
    std::size_t start = i;
    while (i < text.size() && std::isxdigit(static_cast<unsigned char>(text[i])) && i - start < 5) {
      ++i;
    }
    if (i < text.size() && text[i] == '.') {
      if (!check_ipv4(text.substr(start))) {
        return false;
      }
      groups += 2;
      i = text.size();
      break;
    }
    std::size_t length = i - start;
    if (length == 0 || length > 4) {
      return false;
    }
    ++groups;
    if (i == text.size()) {
      break;
    }
    if (text[i] != ':') {
      return false;
    }
    ++i;
    if (i < text.size() && text[i] == ':') {
      if (compressed) {
        return false;
      }
      compressed = true;
      ++i;
      if (i == text.size()) {
        break;
      }
    } else if (i == text.size()) {
      return false;
    }
  }
  return compressed ? groups < 8 : groups == 8;
}

bool check_hostname(std::string_view text) {
  if (text.empty() || text.size() > 253) {
    return false;
  }
  std::size_t start = 0;
  while (true) {
    std::size_t dot = text.find('.', start);
    std::string_view label =
        text.substr(start, dot == std::string_view::npos ? text.npos : dot - start);
    if (label.empty() || label.size() > 63 || label.front() == '-' || label.back() == '-') {
      return false;
    }
    for (char c : label) {
      if (!std::isalnum(static_cast<unsigned char>(c)) && c != '-') {
        return false;
      }
    }
    if (dot == std::string_view::npos) {
      return true;
    }
    start = dot + 1;
  }
}

bool check_email(std::string_view text) {
  auto at = text.rfind('@');
  if (at == std::string_view::npos || at == 0 || at + 1 == text.size()) {
    return false;
  }
  std::string_view local = text.substr(0, at);
  std::string_view domain = text.substr(at + 1);
  if (local.size() >= 2 && local.front() == '"' && local.back() == '"') {
    // A quoted local part may hold almost anything.
  } else {
    if (local.front() == '.' || local.back() == '.' || local.find("..") != local.npos) {
      return false;
    }
    for (char c : local) {
      if (!std::isalnum(static_cast<unsigned char>(c)) &&
          std::string_view("!#$%&'*+-/=?^_`{|}~.").find(c) == std::string_view::npos) {
        return false;
      }
    }
  }
  if (domain.front() == '[' && domain.back() == ']') {
    std::string_view literal = domain.substr(1, domain.size() - 2);
    if (literal.substr(0, 5) == "IPv6:") {
      return check_ipv6(literal.substr(5));
    }
    return check_ipv4(literal);
  }
  return check_hostname(domain);
}

bool check_uuid(std::string_view text) {
  if (text.size() != 36) {
    return false;
  }
  for (std::size_t i = 0; i < text.size(); ++i) {
    bool dash = i == 8 || i == 13 || i == 18 || i == 23;
    if (dash ? text[i] != '-' : !std::isxdigit(static_cast<unsigned char>(text[i]))) {
      return false;
    }
  }
  return true;
}

// RFC 3986 character classes.
bool is_unreserved(char c) {
  return std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '.' || c == '_' ||
         c == '~';
}
bool is_sub_delim(char c) {
  return std::string_view("!$&'()*+,;=").find(c) != std::string_view::npos;
}

/// Whether `text` consists of unreserved, sub-delims, percent-encodings and `extra` characters.
bool all_uri_chars(std::string_view text, std::string_view extra) {
  for (std::size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (c == '%') {
      if (i + 2 >= text.size()) {
        return false;
      }
      if (!std::isxdigit(static_cast<unsigned char>(text[i + 1])) ||
          !std::isxdigit(static_cast<unsigned char>(text[i + 2]))) {
        return false;
      }
      i += 2;
    } else if (!is_unreserved(c) && !is_sub_delim(c) && extra.find(c) == std::string_view::npos) {
      return false;
    }
  }
  return true;
}

bool check_authority(std::string_view authority) {
  std::size_t at = authority.find('@');
  if (at != std::string_view::npos) {
    if (!all_uri_chars(authority.substr(0, at), ":")) {
      return false;
    }
    authority.remove_prefix(at + 1);
  }
  std::string_view host = authority;
  std::string_view port;
  if (!host.empty() && host.front() == '[') {
    std::size_t close = host.find(']');
    if (close == std::string_view::npos) {
      return false;
    }
    std::string_view literal = host.substr(1, close - 1);
    bool future = !literal.empty() && (literal[0] == 'v' || literal[0] == 'V');
    if (!future && !check_ipv6(literal)) {
      return false;
    }
    std::string_view rest = host.substr(close + 1);
    if (!rest.empty()) {
      if (rest[0] != ':') {
        return false;
      }
      port = rest.substr(1);
    }
  } else {
    std::size_t colon = host.rfind(':');
    if (colon != std::string_view::npos) {
      port = host.substr(colon + 1);
      host = host.substr(0, colon);
    }
    if (!all_uri_chars(host, "")) {
      return false;
    }
  }
  for (char c : port) {
    if (!std::isdigit(static_cast<unsigned char>(c))) {
      return false;
    }
  }
  return true;
}

/// Checks a URI or, when `scheme_required` is false, a URI reference (RFC 3986).
bool check_uri_text(std::string_view text, bool scheme_required) {
  std::string_view fragment;
  if (std::size_t hash = text.find('#'); hash != std::string_view::npos) {
    fragment = text.substr(hash + 1);
    text = text.substr(0, hash);
    if (!all_uri_chars(fragment, ":@/?")) {
      return false;
    }
  }
  if (std::size_t question = text.find('?'); question != std::string_view::npos) {
    if (!all_uri_chars(text.substr(question + 1), ":@/?")) {
      return false;
    }
    text = text.substr(0, question);
  }
  bool has_scheme = false;
  std::size_t colon = text.find(':');
  std::size_t slash = text.find('/');
  if (colon != std::string_view::npos && (slash == std::string_view::npos || colon < slash)) {
    std::string_view scheme = text.substr(0, colon);
    if (scheme.empty() || !std::isalpha(static_cast<unsigned char>(scheme[0]))) {
      return false;
    }
    for (char c : scheme) {
      if (!std::isalnum(static_cast<unsigned char>(c)) && c != '+' && c != '-' && c != '.') {
        return false;
      }
    }
    has_scheme = true;
    text.remove_prefix(colon + 1);
  }
  if (scheme_required && !has_scheme) {
    return false;
  }
  if (text.substr(0, 2) == "//") {
    std::size_t end = text.find('/', 2);
    if (!check_authority(text.substr(2, end == std::string_view::npos ? text.npos : end - 2))) {
      return false;
    }
    text = end == std::string_view::npos ? std::string_view() : text.substr(end);
  }
  return all_uri_chars(text, ":@/");
}

bool check_uri_reference(std::string_view text) {
  return check_uri_text(text, false);
}

bool check_uri(std::string_view text) {
  return check_uri_text(text, true);
}

bool check_json_pointer(std::string_view text) {
  if (!text.empty() && text[0] != '/') {
    return false;
  }
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '~' && (i + 1 >= text.size() || (text[i + 1] != '0' && text[i + 1] != '1'))) {
      return false;
    }
  }
  return true;
}

bool check_duration(std::string_view text) {
  if (text.size() < 2 || text[0] != 'P') {
    return false;
  }
  std::size_t i = 1;
  bool in_time = false, any = false, weeks = false, other = false;
  std::string_view date_units = "YMD";
  std::string_view time_units = "HMS";
  std::size_t last_unit = 0;
  while (i < text.size()) {
    if (text[i] == 'T') {
      if (in_time) {
        return false;
      }
      in_time = true;
      last_unit = 0;
      ++i;
      if (i == text.size()) {
        return false;
      }
      continue;
    }
    std::size_t start = i;
    while (i < text.size() && std::isdigit(static_cast<unsigned char>(text[i]))) {
      ++i;
    }
    if (i == start || i == text.size()) {
      return false;
    }
    char unit = text[i++];
    if (unit == 'W' && !in_time) {
      weeks = true;
    } else {
      std::string_view units = in_time ? time_units : date_units;
      auto index = units.find(unit);
      // RFC 3339 appendix A: units run in order without gaps (no P1Y2D, no PT1H2S).
      if (index == std::string_view::npos || index + 1 <= last_unit ||
          (last_unit != 0 && index != last_unit)) {
        return false;
      }
      last_unit = index + 1;
      other = true;
    }
    any = true;
  }
  return any && !(weeks && other);
}

bool check_regex(std::string_view text) {
  Regex regex(text, 1000);
  return regex.valid();
}

}  // namespace

FormatCheck find_format(std::string_view name) {
  static const std::pair<std::string_view, FormatCheck> k_formats[] = {
      {"date", check_date},
      {"time", check_time},
      {"date-time", check_date_time},
      {"email", check_email},
      {"hostname", check_hostname},
      {"ipv4", check_ipv4},
      {"ipv6", check_ipv6},
      {"uuid", check_uuid},
      {"uri", check_uri},
      {"uri-reference", check_uri_reference},
      {"json-pointer", check_json_pointer},
      {"duration", check_duration},
      {"regex", check_regex},
  };
  for (auto [format, check] : k_formats) {
    if (format == name) {
      return check;
    }
  }
  return nullptr;
}

bool check_format(std::string_view format, std::string_view text) {
  FormatCheck check = find_format(format);
  return check == nullptr || check(text);
}

}  // namespace leaspec::schema
