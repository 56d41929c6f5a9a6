// XLIFF 2.0 (OASIS, 2014) export and import of a spec's translation: one unit per text,
// named by the text's key, so that translation agencies' tools do the work.
#include <filesystem>

#include <fmt/format.h>

#include "import/xml.hpp"
#include "leaspec/text.hpp"
#include "leaspec/translate.hpp"

namespace leaspec::translate {
namespace fs = std::filesystem;

namespace {

constexpr std::string_view k_namespace = "urn:oasis:names:tc:xliff:document:2.0";

std::string note(std::string_view category, const std::string& text) {
  return fmt::format("        <note category=\"{}\">{}</note>\n", category, text::xml_escape(text));
}

}  // namespace

std::string to_xliff(const spec::Spec& spec, std::string_view language,
                     const Translation* translation, const yaml::Node* root) {
  std::string file = fs::path(spec.file).filename().string();
  std::string out = fmt::format(
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
      "<xliff xmlns=\"{}\" version=\"2.0\" srcLang=\"{}\" trgLang=\"{}\">\n"
      "  <file id=\"f1\" original=\"{}\">\n"
      "    <notes>\n      <note category=\"spec\">{}</note>\n    </notes>\n",
      k_namespace, text::xml_escape(spec.language), text::xml_escape(language),
      text::xml_escape(file), text::xml_escape(spec.id.value));
  std::size_t index = 0;
  std::vector<Unit> texts = units(spec);
  if (root) {
    locate(texts, *root);
  }
  for (const Unit& unit : texts) {
    std::string hash = source_hash(unit.source.value);
    const Entry* entry = translation ? translation->find(unit.key) : nullptr;
    bool stale = entry && entry->hash != hash;
    out += fmt::format("    <unit id=\"u{}\" name=\"{}\">\n      <notes>\n", ++index,
                       text::xml_escape(unit.key));
    out += note("location", fmt::format("{}:{}:{}", file, unit.source.position.line,
                                        unit.source.position.column));
    out += note("hash", hash);
    if (unit.priority) {
      out += note("priority", fmt::format("{} ({})", spec::name(*unit.priority),
                                          spec::verbal_form(*unit.priority)));
    }
    if (stale) {
      out += note("stale", "the source text has changed since this target was translated");
    }
    if (entry && translation) {
      out += note("target-location",
                  fmt::format("{}:{}:{}", fs::path(translation->file).filename().string(),
                              entry->text.position.line, entry->text.position.column));
    }
    out += fmt::format(
        "      </notes>\n      <segment state=\"{}\">\n"
        "        <source xml:space=\"preserve\">{}</source>\n",
        entry && !stale ? "translated" : "initial", text::xml_escape(unit.source.value));
    if (entry) {
      out += fmt::format("        <target xml:space=\"preserve\">{}</target>\n",
                         text::xml_escape(entry->text.value));
    }
    out += "      </segment>\n    </unit>\n";
  }
  return out + "  </file>\n</xliff>\n";
}

namespace {

/// Reads the units of an XLIFF document into a translation.
class XliffReader {
 public:
  XliffReader(const SourceFile& source, const spec::Spec& spec, std::string_view language,
              DiagnosticSink& sink)
      : m_source(source), m_spec(spec), m_language(language), m_sink(sink) {}

  std::optional<Translation> read(const Translation* previous) {
    pugi::xml_document document;
    pugi::xml_parse_result parsed = import::xml::parse(document, m_source.text());
    if (!parsed) {
      error(static_cast<std::size_t>(parsed.offset),
            fmt::format("the file is not well-formed XML: {}", parsed.description()));
      return std::nullopt;
    }
    pugi::xml_node root = document.document_element();
    if (import::xml::local_name(root) != "xliff" ||
        std::string_view(root.attribute("version").value()) != "2.0" ||
        std::string_view(root.attribute("xmlns").value()) != k_namespace) {
      error(import::xml::offset_of(root),
            "the file is not XLIFF 2.0 (an <xliff> element of version 2.0 in the namespace "
            "urn:oasis:names:tc:xliff:document:2.0)");
      return std::nullopt;
    }
    check_language(root, "srcLang", m_spec.language);
    check_language(root, "trgLang", m_language);
    if (m_sink.has_errors()) {
      return std::nullopt;
    }
    Translation translation;
    if (previous) {
      translation = *previous;
    }
    translation.language = m_language;
    translation.spec_id.value = m_spec.id.value;
    std::vector<Unit> known = units(m_spec);
    import::xml::for_each_child(root, "file", [&](const pugi::xml_node& file) {
      import::xml::for_each_child(file, "unit", [&](const pugi::xml_node& unit) {
        read_unit(unit, known, translation);
  });
    });
    return translation;
    }  // namespace

   private:
    void error(std::size_t offset, std::string message, Severity severity = Severity::error,
               std::string_view rule = "xliff-invalid") {
      m_sink.report({severity, std::string(rule), std::move(message), m_source.path(),
                     m_source.position_of(offset), ""});
    }

    void check_language(const pugi::xml_node& root, const char* attribute,
                        const std::string& expected) {
      std::string_view value = root.attribute(attribute).value();
      if (value != expected) {
        error(import::xml::offset_of(root),
              fmt::format("{} is \"{}\" but should be \"{}\"", attribute, value, expected));
      }
    }

    void read_unit(const pugi::xml_node& unit, const std::vector<Unit>& known,
                   Translation& translation) {
      std::string key = unit.attribute("name").value();
      auto found = std::find_if(known.begin(), known.end(),
                                [&](const Unit& item) { return item.key == key; });
      if (found == known.end()) {
        error(import::xml::offset_of(unit),
              fmt::format("the spec has no text \"{}\"; the unit is not imported", key),
              Severity::warning, "translation-unknown");
        return;
      }
      std::string hash;
    import::xml::for_each_child(import::xml::child(unit, "notes"), "note",
                                [&](const pugi::xml_node& item) {
                                  if (std::string_view(item.attribute("category").value()) ==
                                      "hash") {
                                    hash = item.text().get();
    }
    }  // namespace leaspec::translate
);
std::string text;
std::string source;
bool translated = false;
    import::xml::for_each_child(unit, "segment", [&](const pugi::xml_node& segment) {
      std::string_view state = segment.attribute("state").value();
    translated = translated || (!state.empty() && state != "initial");
    source += import::xml::child_text(segment, "source");
    text += import::xml::child_text(segment, "target");
    });
    if (!translated || text.empty()) {
      return;
    }
    if (hash.size() != 16) {
      hash = source_hash(source);
    }
    Entry entry{key, {text, m_source.position_of(import::xml::offset_of(unit))}, hash, {}};
    auto existing = std::find_if(translation.entries.begin(), translation.entries.end(),
                                 [&](const Entry& item) { return item.key == key; });
    if (existing != translation.entries.end()) {
      *existing = std::move(entry);
    } else {
      translation.entries.push_back(std::move(entry));
    }
    }

    const SourceFile& m_source;
    const spec::Spec& m_spec;
    std::string m_language;
    DiagnosticSink& m_sink;
    }
    ;

    }  // namespace

    std::optional<Translation> from_xliff(const SourceFile& xliff, const spec::Spec& spec,
                                          std::string_view language, const Translation* previous,
                                          DiagnosticSink& sink) {
      return XliffReader(xliff, spec, language, sink).read(previous);
    }

    }  // namespace leaspec::translate
