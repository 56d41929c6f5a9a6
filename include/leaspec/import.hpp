#pragma once
// Imports from the tools around leaspec: ReqIF 1.0 from requirements tools (DOORS,
// Polarion, Jama, Codebeamer, StrictDoc) into a spec, and bidders' filled-in compliance
// matrices (XLSX) into their answers.

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "leaspec/doc.hpp"
#include "leaspec/source.hpp"
#include "leaspec/spec.hpp"

namespace leaspec::import {

/// How one tool's ReqIF attributes, enumeration values, object types and relation types map
/// to the spec format: the mapping file of `leaspec import reqif --map` (its schema is
/// `leaspec schema reqif-map`). Names are compared without case.
struct ReqifMap {
  /// Attribute LONG-NAME or IDENTIFIER to a spec key (`id`, `text`, `title`, `intro`,
  /// `priority`, `kind`, `verification`, `rationale`, `note`, `tags`, `lots`,
  /// `requested_by`, `implements`) or `ignore`; these come before the built-in names.
  std::map<std::string, std::string> attributes;
  /// Per spec key (`priority`, `kind`, `verification`): a tool's value to the spec's value.
  std::map<std::string, std::map<std::string, std::string>> values;
  /// SPEC-OBJECT-TYPE LONG-NAME to `requirement`, `section` or `ignore`.
  std::map<std::string, std::string> types;
  /// SPEC-RELATION-TYPE LONG-NAME to `depends_on` or `ignore`; unnamed types are depends_on.
  std::map<std::string, std::string> relations;
  /// Values of the spec's own keys (`id`, `title`, `version`, `status`, `area`, `date`,
  /// `language`) that the ReqIF file does not give.
  std::map<std::string, std::string> spec;
  /// Put before ids made from numbers ("42" becomes "REQ-42").
  std::string id_prefix = "REQ";
  /// Whether the values of attributes that nothing maps go into the requirement's note.
  bool unmapped_to_note = true;
};

/// Reads and checks a mapping file; its findings go to `sink`. Empty when it has errors.
std::optional<ReqifMap> load_reqif_map(const std::string& path, DiagnosticSink& sink);

/// What an import made, for its summary line.
struct ReqifCounts {
  std::size_t requirements = 0;
  std::size_t sections = 0;
  std::size_t relations = 0;
};

struct ReqifImport {
  spec::Spec spec;
  ReqifCounts counts;
};

/// Turns ReqIF 1.0 XML into a spec: the SPEC-HIERARCHY becomes sections, SPEC-OBJECTs
/// requirements, SPEC-RELATIONs depends_on. Everything that does not map is reported in
/// `sink` (rules `reqif-*`) against `source`; the result is empty when the file is not
/// ReqIF. The spec still has to pass the checker.
std::optional<ReqifImport> from_reqif(const SourceFile& source, const ReqifMap& map,
                                      DiagnosticSink& sink);

/// The ReqIF document inside a .reqifz archive: its one `.reqif` entry. Throws Error when
/// the archive holds none or several.
std::string reqif_from_archive(std::string bytes, const std::string& name);

/// A ReqIF object as an earlier export wrote it: its LAST-CHANGE and a digest of its values
/// (and of the relations it is the source of), to tell whether it changed since.
struct ObjectState {
  std::string last_change;
  std::string digest;
};

/// The states of every SPEC-OBJECT and SPECIFICATION of a ReqIF document, by IDENTIFIER.
/// Throws Error when the text is not well-formed XML.
std::map<std::string, ObjectState> reqif_object_states(const std::string& xml,
                                                       const std::string& name);

/// A bidder's answer to one requirement.
enum class Answer { compliant, partial, not_compliant, empty, unclear };

/// One requirement's row of a filled-in compliance matrix.
struct AnswerRow {
  std::string id;
  std::string requirement;
  std::optional<spec::Priority> priority;
  Answer answer = Answer::empty;
  std::string answer_text;  ///< as the bidder wrote it
  std::string response;
  std::string evidence;
  std::string sheet;
  std::string cell;  ///< where the answer is, for example "H12"
};

/// A bidder's filled-in matrix: the bidder's name (the file's name without extension) and
/// one row per requirement, in the matrix's order.
struct BidderAnswers {
  std::string bidder;
  std::string file;
  std::vector<AnswerRow> rows;
};

/// Reads a compliance matrix (XLSX) that `leaspec generate matrix` wrote and a bidder filled
/// in: sheets and columns are found by their header texts in any bundled language and rows
/// by their requirement ids, answers that are formulas (views of another sheet) are skipped.
/// Findings (no matrix, unclear answers, two different answers) go to `sink` against
/// `path`. Throws Error when the file is not a readable XLSX.
BidderAnswers read_answers(const std::string& path, DiagnosticSink& sink);

/// The evaluation of several bidders' answers side by side: a summary per bidder, the
/// mandatory requirements each did not meet (answered not compliant or left empty), and
/// every answer.
doc::Document build_evaluation(const std::vector<BidderAnswers>& bidders,
                               const doc::Context& context);

/// The evaluation as JSON: `{"bidders": [{"bidder", "file", "counts", "mandatory_not_met",
/// "answers"}]}`.
std::string evaluation_json(const std::vector<BidderAnswers>& bidders);

/// The mandatory requirements a bidder did not meet: answered not compliant or left empty.
std::vector<const AnswerRow*> mandatory_not_met(const BidderAnswers& bidder);

}  // namespace leaspec::import
