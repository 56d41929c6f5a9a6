#pragma once
// What the fuzz targets share: splitting an input in two, and taking a text through the spec
// pipeline (load, bundled schema, model, rules) as every command does.

#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>

#include "leaspec/check/checker.hpp"
#include "leaspec/doc.hpp"
#include "leaspec/source.hpp"
#include "leaspec/spec.hpp"
#include "leaspec/write.hpp"

namespace leaspec::fuzz {

/// The line that separates the two parts of an input that a target reads as two texts (a
/// schema and an instance, two specs); it is a YAML comment, so each part stays YAML.
inline constexpr std::string_view k_separator = "\n#---8<---\n";

/// The fuzzer's bytes as text.
inline std::string_view as_text(const std::uint8_t* data, std::size_t size) {
  return {reinterpret_cast<const char*>(data), size};  // NOLINT: libFuzzer hands bytes
}

/// The two parts of `text` around the first separator; without one, its two halves.
inline std::pair<std::string, std::string> split(std::string_view text) {
  std::size_t at = text.find(k_separator);
  if (at == std::string_view::npos) {
    return {std::string(text.substr(0, text.size() / 2)),
            std::string(text.substr(text.size() / 2))};
  }
  return {std::string(text.substr(0, at)), std::string(text.substr(at + k_separator.size()))};
}

/// The checker of the bundled spec schema, compiled once for the whole run.
inline const check::Checker& checker() {
  static const check::Checker instance = [] {
    DiagnosticSink sink;
    std::optional<check::Checker> created = check::Checker::create(check::Options{}, sink);
    if (!created) {
      __builtin_trap();  // the bundled schema always compiles
    }
    return std::move(*created);
  }();
  return instance;
}

/// `text` taken through the spec pipeline with the default rule configuration; `model` is
/// set when it is a spec without errors, which the commands that build on a spec accept.
inline check::CheckedSpec check_text(std::string text, const std::string& name = "fuzz.yaml") {
  static const check::Config config;
  DiagnosticSink sink;
  check::CheckedSpec checked =
      checker().check(std::make_shared<const SourceFile>(name, std::move(text)), config, sink);
  if (checked.has_errors || sink.has_errors()) {
    checked.model.reset();
  }
  return checked;
}

/// Renders `document` in every format of its kind that leaspec writes itself (PDF is
/// LibreOffice's work).
inline void render_all(const doc::Document& document) {
  for (write::Format format : write::formats_for(document.kind)) {
    if (format != write::Format::pdf) {
      (void)write::render(document, format);
    }
  }
}

}  // namespace leaspec::fuzz
