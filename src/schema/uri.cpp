#include <algorithm>
#include <vector>

#include "leaspec/schema.hpp"

namespace leaspec::schema {
namespace {

struct UriParts {
  std::optional<std::string> scheme, authority, query, fragment;
  std::string path;
};

UriParts parse(const std::string& uri) {
  UriParts parts;
  std::string rest = uri;
  if (auto hash = rest.find('#'); hash != std::string::npos) {
    parts.fragment = rest.substr(hash + 1);
    rest.resize(hash);
  }
  if (auto question = rest.find('?'); question != std::string::npos) {
    parts.query = rest.substr(question + 1);
    rest.resize(question);
  }
  auto colon = rest.find(':');
  auto first_delimiter = rest.find_first_of("/?#");
  if (colon != std::string::npos && colon > 0 &&
      (first_delimiter == std::string::npos || colon < first_delimiter) &&
      std::isalpha(static_cast<unsigned char>(rest[0]))) {
    parts.scheme = rest.substr(0, colon);
    rest = rest.substr(colon + 1);
  }
  if (rest.rfind("//", 0) == 0) {
    auto slash = rest.find('/', 2);
    parts.authority = rest.substr(2, slash == std::string::npos ? std::string::npos : slash - 2);
    rest = slash == std::string::npos ? "" : rest.substr(slash);
  }
  parts.path = rest;
  return parts;
}

std::string remove_dot_segments(const std::string& path) {
  std::vector<std::string> output;
  std::size_t i = 0;
  bool absolute = !path.empty() && path[0] == '/';
  std::string input = path;
  std::vector<std::string> segments;
  std::string current;
  for (char c : input) {
    if (c == '/') {
      segments.push_back(current);
      current.clear();
    } else {
      current += c;
    }
  }
  segments.push_back(current);
  for (i = 0; i < segments.size(); ++i) {
    const std::string& segment = segments[i];
    bool last = i + 1 == segments.size();
    if (segment == ".") {
      if (last) {
        output.emplace_back();
      }
    } else if (segment == "..") {
      if (output.size() > (absolute ? 1u : 0u)) {
        output.pop_back();
      }
      if (last) {
        output.emplace_back();
      }
    } else {
      output.push_back(segment);
    }
  }
  std::string result;
  for (std::size_t k = 0; k < output.size(); ++k) {
    if (k > 0) {
      result += '/';
    }
    result += output[k];
  }
  if (absolute && (result.empty() || result[0] != '/')) {
    result.insert(result.begin(), '/');
  }
  return result;
}

std::string merge_paths(const UriParts& base, const std::string& reference_path) {
  if (base.authority && base.path.empty()) {
    return "/" + reference_path;
  }
  auto slash = base.path.rfind('/');
  if (slash == std::string::npos) {
    return reference_path;
  }
  return base.path.substr(0, slash + 1) + reference_path;
}

std::string recompose(const UriParts& parts) {
  std::string result;
  if (parts.scheme) {
    result += *parts.scheme + ":";
  }
  if (parts.authority) {
    result += "//" + *parts.authority;
  }
  result += parts.path;
  if (parts.query) {
    result += "?" + *parts.query;
  }
  if (parts.fragment) {
    result += "#" + *parts.fragment;
  }
  return result;
}

}  // namespace

std::string resolve_uri(const std::string& base, const std::string& reference) {
  UriParts ref = parse(reference);
  UriParts b = parse(base);
  UriParts target;
  if (ref.scheme) {
    target = ref;
    target.path = remove_dot_segments(ref.path);
  } else {
    if (ref.authority) {
      target.authority = ref.authority;
      target.path = remove_dot_segments(ref.path);
      target.query = ref.query;
    } else {
      if (ref.path.empty()) {
        target.path = b.path;
        target.query = ref.query ? ref.query : b.query;
      } else {
        if (ref.path[0] == '/') {
          target.path = remove_dot_segments(ref.path);
        } else {
          target.path = remove_dot_segments(merge_paths(b, ref.path));
        }
        target.query = ref.query;
      }
      target.authority = b.authority;
    }
    target.scheme = b.scheme;
  }
  target.fragment = ref.fragment;
  // URNs and other opaque URIs cannot take relative references: keep the base then.
  if (!ref.scheme && b.scheme && !b.authority && !b.path.empty() && b.path[0] != '/' &&
      !ref.path.empty()) {
    return base.substr(0, base.find('#')) + (ref.fragment ? "#" + *ref.fragment : "");
  }
  return recompose(target);
}

std::pair<std::string, std::string> split_fragment(const std::string& uri) {
  auto hash = uri.find('#');
  if (hash == std::string::npos) {
    return {uri, ""};
  }
  return {uri.substr(0, hash), uri.substr(hash + 1)};
}

namespace {

std::size_t edit_distance(std::string_view a, std::string_view b) {
  std::vector<std::size_t> row(b.size() + 1);
  for (std::size_t j = 0; j <= b.size(); ++j) {
    row[j] = j;
  }
  for (std::size_t i = 1; i <= a.size(); ++i) {
    std::size_t diagonal = row[0];
    row[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j) {
      std::size_t above = row[j];
      std::size_t cost = a[i - 1] == b[j - 1] ? 0 : 1;
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + cost});
      diagonal = above;
    }
  }
  return row[b.size()];
}

}  // namespace

std::optional<std::string> did_you_mean(std::string_view word,
                                        const std::vector<std::string>& candidates) {
  std::optional<std::string> best;
  std::size_t best_distance = std::max<std::size_t>(2, word.size() / 3) + 1;
  bool best_same_start = false;
  for (const std::string& candidate : candidates) {
    std::size_t distance = edit_distance(word, candidate);
    bool same_start = !word.empty() && !candidate.empty() && word[0] == candidate[0];
    // On a tie, a candidate that starts like the word is the likelier typo.
    if (distance < best_distance || (distance == best_distance && same_start && !best_same_start)) {
      best_distance = distance;
      best = candidate;
      best_same_start = same_start;
    }
  }
  return best;
}

}  // namespace leaspec::schema
