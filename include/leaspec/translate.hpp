#pragma once
// Translations of a spec's texts. A spec is written in one source language (`language`);
// each translation lives in a file beside it, `NAME.LANG.yaml`, that maps the key of every
// translatable text (a requirement's id, `SECTION.title`, ...) to the translated text and
// the hash of the source text it translates, so that a changed source shows as stale.
// XLIFF 2.0 carries the same texts to and from translators' tools.

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "leaspec/source.hpp"
#include "leaspec/spec.hpp"

namespace leaspec::translate {

/// One translatable text of a spec: its key in translation files and the source text.
struct Unit {
  std::string key;
  spec::Text source;
  /// The priority of the requirement whose statement this is; unset for other texts.
  std::optional<spec::Priority> priority;
};

/// Every translatable text of the spec in document order, each key once: the title and
/// summary, definitions (`term:TERM`, `definition:TERM`), lot titles (`LOT.title`),
/// criteria (`CRITERION.name`, `CRITERION.scoring`), the joint procurement's
/// `applicable_law` and each agency's task (`AGENCY.task`), section titles and intros
/// (`SECTION.title`, `SECTION.intro`), requirement statements (the requirement's id) and
/// their notes and rationales (`REQ.note`, `REQ.rationale`).
std::vector<Unit> units(const spec::Spec& spec);

/// Gives the units whose source is a plain text of a mapping (a lot's title, a section's
/// intro, the spec's title) the exact position of that text in the spec's tree.
void locate(std::vector<Unit>& units, const yaml::Node& root);

/// The hash a translation records of the source text it translates: the first 16 hex digits
/// of the SHA-256 of the text.
std::string source_hash(std::string_view text);

/// A translated text as a translation file holds it.
struct Entry {
  std::string key;
  spec::Text text;
  std::string hash;   ///< of the source text it translates
  Position position;  ///< of the entry's key
};

/// A translation file: the texts of one spec in one language.
struct Translation {
  std::string file;
  std::string language;
  spec::Text spec_id;
  std::vector<Entry> entries;  ///< in the order of the file

  /// The entry for `key`, or nullptr.
  const Entry* find(std::string_view key) const;
};

/// The translation file of a spec file for a language: `dir/NAME.LANG.yaml` beside
/// `dir/NAME.yaml`.
std::string translation_path(const std::string& spec_file, std::string_view language);

/// Reads and checks a translation file against the bundled translation schema; problems go
/// to `sink` and give nullopt. Throws FileError when it cannot be read.
std::optional<Translation> load(const std::string& path, DiagnosticSink& sink);

/// The translation of `spec` into `language` from the file beside it: nullopt when there is
/// no such file; the file's problems go to `sink` (and give nullopt).
std::optional<Translation> load_beside(const spec::Spec& spec, std::string_view language,
                                       DiagnosticSink& sink);

/// A translation file's text: the entries in the spec's order, then those the spec no longer
/// has, each as `KEY: {hash, text}` on three lines, so that an entry keeps its place.
std::string to_yaml(const Translation& translation, const spec::Spec& spec);

/// The verbal forms of a language, by priority, lower case; empty when leaspec has no table.
struct VerbalForms {
  std::vector<std::string_view> mandatory, recommended, optional;
  const std::vector<std::string_view>& of(spec::Priority priority) const;
  bool empty() const { return mandatory.empty(); }
};

/// The verbal forms of the ISO/IEC Directives' "shall", "should" and "may" as standards
/// in `language` word them; empty when leaspec has no table for it.
const VerbalForms& verbal_forms(std::string_view language);

/// The English name of a language ("Polish" for pl), or the code when leaspec does not know
/// it.
std::string language_name(std::string_view code);

/// The language's name for itself ("polski" for pl), or the code when leaspec does not know
/// it.
std::string native_name(std::string_view code);

/// The codes of the languages that have a verbal-form table.
std::vector<std::string> verbal_form_languages();

/// The priorities whose verbal forms `text` carries, in `language`'s table; a form that is
/// part of a longer form of another priority ("θα πρέπει") counts only as the longer one.
std::vector<spec::Priority> forms_in(std::string_view text, std::string_view language);

/// The numbers of a text, normalised so that "1,5" and "1.5", "1 000" and "1000" compare
/// equal, in order.
std::vector<std::string> numbers_in(std::string_view text);

/// What a document shows of the spec's texts in one or two languages.
class Rendering {
 public:
  /// A piece of a text in one document language.
  struct Piece {
    std::string text;
    std::string language;
    bool fallback = false;  ///< no current translation: the source text is shown
  };

  /// `languages` are the document's, the first the main one; each has its translation (or
  /// nullptr when there is none, or when it is the source language).
  Rendering(const spec::Spec& spec,
            std::vector<std::pair<std::string, const Translation*>> languages);

  /// The text in each document language: its current translation, else the source text
  /// marked as a fallback. A language that is the source's shows the source text.
  std::vector<Piece> pieces(std::string_view key, const std::string& source) const;

  /// Whether any text of the spec falls back to the source language.
  bool any_fallback() const { return m_any_fallback; }
  const std::string& source_language() const { return m_source_language; }
  std::size_t language_count() const { return m_languages.size(); }
  /// The second document language, or empty when there is one.
  std::string second_language() const {
    return m_languages.size() > 1 ? m_languages[1].first : std::string();
  }

 private:
  std::string m_source_language;
  std::vector<std::pair<std::string, const Translation*>> m_languages;
  bool m_any_fallback = false;
};

/// The translation of `spec` into `language` as an XLIFF 2.0 document: one unit per text,
/// named by its key, with the source text, the current translation as the target (state
/// "translated"), a stale one with state "initial", and notes with the source's position.
std::string to_xliff(const spec::Spec& spec, std::string_view language,
                     const Translation* translation, const yaml::Node* root = nullptr);

/// The translation after reading an XLIFF 2.0 file made by `to_xliff` and filled in by a
/// translator: every unit with a target whose state is not "initial" replaces the entry of
/// its key, with the hash of the unit's source. Problems in the file (not XLIFF 2.0, other
/// languages, unknown units) go to `sink`; the result is empty when any is an error.
std::optional<Translation> from_xliff(const SourceFile& xliff, const spec::Spec& spec,
                                      std::string_view language, const Translation* previous,
                                      DiagnosticSink& sink);

}  // namespace leaspec::translate
