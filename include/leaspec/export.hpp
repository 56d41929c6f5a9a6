#pragma once
// Data exports of a spec for the systems around leaspec: normalised JSON, ReqIF for
// requirements-management tools, and an OCDS release for open-contracting publication.

#include <map>
#include <string>

#include "leaspec/catalog.hpp"
#include "leaspec/conform.hpp"
#include "leaspec/joint.hpp"
#include "leaspec/spec.hpp"
#include "leaspec/text.hpp"

namespace leaspec::exports {

/// Where an export comes from, for traceability.
struct Source {
  std::string name;
  std::string sha256;
  /// ISO 8601 UTC time used where a format needs one: SOURCE_DATE_EPOCH, else the spec's
  /// date at midnight, else 1970-01-01, so that exports are deterministic.
  std::string timestamp;
};

/// The time an export states, following `Source::timestamp`'s rule.
std::string export_timestamp(const spec::Spec& spec, const text::Timestamp& source_date_epoch);

/// The spec as JSON with defaults filled in and ids resolved (schema: `leaspec schema export`).
std::string to_json(const spec::Spec& spec, const Source& source,
                    const catalog::Catalogs& catalogs);

/// When each requirement and section last changed (ISO 8601 UTC), by spec id; an object
/// not listed changed at `Source::timestamp`.
struct ChangeTimes {
  std::map<std::string, std::string, std::less<>> requirements;
  std::map<std::string, std::string, std::less<>> sections;
  /// When anything in the spec changed; empty for `Source::timestamp`.
  std::string specification;
};

/// The change times of a spec's requirements and sections from its file's history: the
/// committer time of the last commit that changed any of an object's lines (`git blame`, when
/// the git command is there and the file is in a repository, its lines committed), else
/// `fallback` (SOURCE_DATE_EPOCH when set, else the file's modification time).
ChangeTimes change_times(const spec::Spec& spec, const SourceFile& source,
                         const std::string& fallback);

/// The modification time of a file as ISO 8601 UTC, or empty when it cannot be read.
std::string modification_time(const std::string& path);

/// ReqIF 1.0 XML. Identifiers derive from the spec's ids, so a tool that imports a changed
/// spec again updates its objects instead of duplicating them. Every field of every
/// requirement and section is an attribute, and the rest of the spec is one YAML attribute
/// of the specification, so that `import::from_reqif` gives the spec back.
std::string to_reqif(const spec::Spec& spec, const Source& source, const ChangeTimes& times = {});

/// `to_reqif` written to `sink` as it is produced, never held whole in memory.
void write_reqif(const spec::Spec& spec, const Source& source, const ChangeTimes& times,
                 const text::Sink& sink);

/// `times` with the LAST-CHANGE of `earlier` (an earlier export's XML) kept for every object
/// whose values did not change since: export with them to keep an earlier export's history.
ChangeTimes reqif_times_since(const spec::Spec& spec, const Source& source, ChangeTimes times,
                              const std::string& earlier, const std::string& earlier_name);

/// The OCDS versions an export can follow: 1.1 (the current release) and 1.2, which adds
/// `address.country`.
enum class OcdsVersion { v1_1, v1_2 };

/// An OCDS release package holding one release for the tender, with the Lots extension's
/// fields; the package states the version and the extension.
std::string to_ocds(const spec::Spec& spec, const Source& source, const std::string& ocid_prefix,
                    const catalog::Catalogs& catalogs, OcdsVersion version = OcdsVersion::v1_1);

/// The changes between two versions as JSON: `{"changes": [...], "equal": bool}`.
std::string diff_json(const std::vector<joint::Change>& changes);

/// `diff_json` written to `sink` change by change, never held whole in memory.
void write_diff_json(const std::vector<joint::Change>& changes, const text::Sink& sink);

/// A merge's findings and coverage as JSON, for tools that read the merge report.
std::string merge_report_json(const joint::MergeResult& result);

/// A conformance report as JSON: per standard its clauses with the implementing requirement,
/// both bounds, the verdict, and the place in the spec of what a finding concerns.
std::string conformance_json(const spec::Spec& spec, const conform::Report& report);

}  // namespace leaspec::exports
