#include "import/reqif_names.hpp"

#include <array>
#include <utility>

#include <fmt/format.h>

namespace leaspec::import {
namespace {

/// Attribute names of the ReqIF Implementation Guide, leaspec's export and common tools
/// (DOORS, Polarion, StrictDoc), lower case, and the spec key each fills.
constexpr auto k_builtin = std::to_array<std::pair<std::string_view, std::string_view>>({
    {"reqif.foreignid", "id"},
    {"uid", "id"},
    {"id", "id"},
    {"reqif.text", "text"},
    {"object text", "text"},
    {"statement", "text"},
    {"text", "text"},
    {"reqif.chaptername", "title"},
    {"object heading", "title"},
    {"heading", "title"},
    {"reqif.description", "intro"},
    {"priority", "priority"},
    {"kind", "kind"},
    {"requirement kind", "kind"},
    {"verification", "verification"},
    {"verification method", "verification"},
    {"verification methods", "verification"},
    {"metric", "metric"},
    {"references", "references"},
    {"lots", "lots"},
    {"requested by", "requested_by"},
    {"implements", "implements"},
    {"rationale", "rationale"},
    {"justification", "rationale"},
    {"note", "note"},
    {"notes", "note"},
    {"comment", "note"},
    {"comments", "note"},
    {"tags", "tags"},
    {"lint ignore", "lint_ignore"},
    {"leaspec.metadata", "metadata"},
    {"reqif.foreigncreatedby", "bookkeeping"},
    {"reqif.foreigncreatedon", "bookkeeping"},
    {"reqif.foreigncreatedthru", "bookkeeping"},
    {"reqif.foreignmodifiedby", "bookkeeping"},
    {"reqif.foreignmodifiedon", "bookkeeping"},
    {"reqif.foreignmodifiedthru", "bookkeeping"},
    {"reqif.foreigndeleted", "bookkeeping"},
    {"reqif.chapternumber", "bookkeeping"},
});

bool is_upper_alnum(char c) {
  return (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

}  // namespace

std::string attribute_target(const ReqifMap& map, std::string_view name, std::string_view id) {
  for (std::string_view key : {name, id}) {
    if (auto found = map.attributes.find(catalog::normalise(key)); found != map.attributes.end()) {
      return found->second;
    }
  }
  std::string key = catalog::normalise(name);
  for (const auto& [builtin, target] : k_builtin) {
    if (builtin == key) {
      return std::string(target);
    }
  }
  return "";
}

std::string make_id(std::string_view raw, std::string_view prefix, std::set<std::string>& used) {
  std::string id;
  bool separator = false;
  for (char c : raw) {
    char upper = c >= 'a' && c <= 'z' ? static_cast<char>(c - 'a' + 'A') : c;
    if (is_upper_alnum(upper)) {
      if (separator && !id.empty()) {
        id += id.back() == '.' || id.back() == '_' ? "" : "-";
      }
      separator = false;
      id += upper;
    } else if ((c == '.' || c == '_') && !id.empty() && is_upper_alnum(id.back())) {
      id += c;
    } else {
      separator = true;
    }
  }
  while (!id.empty() && !is_upper_alnum(id.back())) {
    id.pop_back();
  }
  if (id.size() > 60) {
    id.resize(60);
    while (!id.empty() && !is_upper_alnum(id.back())) {
      id.pop_back();
    }
  }
  if (id.empty() || !(id[0] >= 'A' && id[0] <= 'Z')) {
    id = id.empty() ? std::string(prefix) : fmt::format("{}-{}", prefix, id);
  }
  std::string candidate = id;
  for (int n = 2; used.count(candidate); ++n) {
    candidate = fmt::format("{}-{}", id, n);
  }
  used.insert(candidate);
  return candidate;
}

}  // namespace leaspec::import
