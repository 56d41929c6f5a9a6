// Writes the C++ source that holds every bundled resource file, run when leaspec is built.
// Each file is kept as written; YAML files of schemas/ and data/ (not the examples and
// templates, which users read as text) are also loaded and baked, so that leaspec never
// parses its own YAML at run time. A bundled file that does not load stops the build.
//
//   leaspec_embed OUT ROOT FILE...
#include <algorithm>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

#include "leaspec/source.hpp"
#include "leaspec/yaml.hpp"

namespace {

using namespace leaspec;

std::string read(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  if (!in) {
    throw Error("cannot read " + path);
  }
  return text.str();
}

/// A C++ string literal of `bytes`, split into lines, every byte it could misread escaped.
std::string literal(const std::string& bytes) {
  std::string out = "\"";
  std::size_t column = 0;
  for (char c : bytes) {
    auto u = static_cast<unsigned char>(c);
    if (u >= 0x20 && u < 0x7F && c != '"' && c != '\\' && c != '?') {
      out += c;
      ++column;
    } else {
      char escape[8];
      std::snprintf(escape, sizeof escape, "\\%03o", u);
      out += escape;
      column += 4;
    }
    if (c == '\n' || column > 100) {
      out += "\"\n    \"";
      column = 0;
    }
  }
  return out + "\"";
}

bool baked(const std::string& name) {
  bool yaml = name.size() > 5 && name.compare(name.size() - 5, 5, ".yaml") == 0;
  return yaml && (name.rfind("schemas/", 0) == 0 || name.rfind("data/catalog/", 0) == 0 ||
                  name.rfind("data/i18n/", 0) == 0 || name.rfind("data/standards/", 0) == 0);
}

int embed(const std::string& out_path, const std::string& root, std::vector<std::string> files) {
  std::sort(files.begin(), files.end());
  std::string body;
  std::string table;
  int failures = 0;
  for (std::size_t i = 0; i < files.size(); ++i) {
    std::string name = files[i].substr(root.size() + 1);
    std::string text = read(files[i]);
    std::string blob;
    if (baked(name)) {
      SourceFile source(name, text);
      DiagnosticSink sink;
      yaml::Document document = yaml::load(source, sink);
      for (const Diagnostic& d : sink.diagnostics()) {
        std::cerr << files[i] << ":" << d.position.line << ":" << d.position.column << ": "
                  << d.message << " [" << d.rule << "]\n";
      }
      if (!document.root || sink.has_errors()) {
        ++failures;
        continue;
      }
      blob = yaml::bake(*document.root);
    }
    body += "constexpr char k_data_" + std::to_string(i) + "[] = " + literal(text) + ";\n";
    body += "constexpr char k_baked_" + std::to_string(i) + "[] = " + literal(blob) + ";\n";
    table += "    {\"" + name + "\", {k_data_" + std::to_string(i) + ", " +
             std::to_string(text.size()) + "}, {k_baked_" + std::to_string(i) + ", " +
             std::to_string(blob.size()) + "}},\n";
  }
  if (failures > 0) {
    return 1;
  }
  std::string source =
      "// Generated from the bundled resource files by leaspec_embed; do not edit.\n"
      "#include \"leaspec/resources.hpp\"\n\n"
      "namespace leaspec::catalog {\nnamespace {\n\n" +
      body + "\nconstexpr Resource k_resources[] = {\n" + table +
      "};\n\n}  // namespace\n\n"
      "std::span<const Resource> all_resources() { return k_resources; }\n\n"
      "}  // namespace leaspec::catalog\n";
  std::string previous;
  if (std::ifstream existing(out_path, std::ios::binary); existing) {
    std::ostringstream text;
    text << existing.rdbuf();
    previous = text.str();
  }
  if (previous != source) {
    std::ofstream out(out_path, std::ios::binary | std::ios::trunc);
    out << source;
    if (!out) {
      std::cerr << "leaspec_embed: cannot write " << out_path << "\n";
      return 1;
    }
  }
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 3) {
    std::cerr << "usage: leaspec_embed OUT ROOT FILE...\n";
    return 2;
  }
  try {
    return embed(argv[1], argv[2], std::vector<std::string>(argv + 3, argv + argc));
  } catch (const std::exception& e) {
    std::cerr << "leaspec_embed: " << e.what() << "\n";
    return 1;
  }
}
