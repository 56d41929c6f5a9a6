// The standards a spec may conform to, and the bundled ones.
#include <algorithm>
#include <charconv>

#include "leaspec/conform.hpp"
#include "leaspec/resources.hpp"

namespace leaspec::conform {

void Library::add(std::shared_ptr<const spec::Spec> standard) {
  m_standards.push_back(std::move(standard));
}

void Library::add(const Library& other) {
  m_standards.insert(m_standards.end(), other.m_standards.begin(), other.m_standards.end());
}

const spec::Spec* Library::find(std::string_view id, std::string_view version) const {
  for (const auto& standard : m_standards) {
    if (standard->id.value == id && standard->version == version) {
      return standard.get();
    }
  }
  return nullptr;
}

std::vector<std::string> Library::versions(std::string_view id) const {
  std::vector<std::string> found;
  for (const auto& standard : m_standards) {
    if (standard->id.value == id &&
        std::find(found.begin(), found.end(), standard->version) == found.end()) {
      found.push_back(standard->version);
    }
  }
  std::sort(found.begin(), found.end(),
            [](const std::string& a, const std::string& b) { return compare_versions(a, b) < 0; });
  return found;
}

const Library& bundled() {
  static const Library k_bundled = [] {
    Library library;
    constexpr std::string_view k_folder = "data/standards/";
    for (const catalog::Resource& resource : catalog::all_resources()) {
      std::string_view name = resource.name;
      if (name.substr(0, k_folder.size()) != k_folder || !name.ends_with(".yaml")) {
        continue;
      }
      yaml::Document document = catalog::bundled_tree(name);
      library.add(
          std::make_shared<const spec::Spec>(spec::build(*document.root, std::string(name))));
    }
    return library;
  }();
  return k_bundled;
}

namespace {

/// The next part of a version up to its next dot, consumed from `text`.
std::string_view next_part(std::string_view& text) {
  std::size_t dot = text.find('.');
  std::string_view part = text.substr(0, dot);
  text = dot == std::string_view::npos ? std::string_view{} : text.substr(dot + 1);
  return part;
}

bool as_number(std::string_view part, unsigned long long& value) {
  const char* end = part.data() + part.size();
  auto [stop, error] = std::from_chars(part.data(), end, value);
  return !part.empty() && error == std::errc{} && stop == end;
}

}  // namespace

int compare_versions(std::string_view a, std::string_view b) {
  while (!a.empty() || !b.empty()) {
    std::string_view x = next_part(a);
    std::string_view y = next_part(b);
    unsigned long long m = 0, n = 0;
    // A missing part counts as 0: 1 and 1.0 are the same version.
    bool x_number = x.empty() || as_number(x, m);
    bool y_number = y.empty() || as_number(y, n);
    if (x_number && y_number) {
      if (m != n) {
        return m < n ? -1 : 1;
      }
    } else if (int order = x.compare(y); order != 0) {
      return order < 0 ? -1 : 1;
    }
  }
  return 0;
}

}  // namespace leaspec::conform
