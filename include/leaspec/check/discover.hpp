#pragma once
// Finding the spec files below the paths a user names.

#include <string>
#include <string_view>
#include <vector>

#include "leaspec/yaml.hpp"

namespace leaspec::check {

/// Whether a loaded document is a leaspec spec: a mapping with the key `leaspec`.
bool is_spec(const yaml::Node& root);

/// Whether a file's text looks like a spec before it is parsed (a top-level `leaspec:` key),
/// so that a broken spec found in a directory is reported rather than skipped.
bool looks_like_spec(std::string_view text);

/// A file to check and whether the user named it (rather than it being found in a folder).
/// A file or folder found while searching that cannot be read has the reason in `problem`
/// ("permission denied", "symbolic link loop ..."): it is reported, never skipped.
struct Target {
  std::string path;
  bool named = false;
  std::string problem = {};
  bool folder = false;  ///< whether the unreadable path is a folder
};

/// The files to check for the paths a user named: files as named, directories searched
/// recursively (hidden folders skipped, symbolic links to folders not followed) for *.yaml
/// and *.yml (and *.json with `include_json`), in a stable order. Throws FileError for a
/// named path that does not exist, cannot be searched or is neither a file nor a folder
/// (a FIFO, socket or device is refused without being opened).
std::vector<Target> discover(const std::vector<std::string>& paths, bool include_json);

}  // namespace leaspec::check
