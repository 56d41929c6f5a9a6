#pragma once
// Data exports of a spec for the systems around leaspec: normalised JSON, ReqIF for
// requirements-management tools, and an OCDS release for open-contracting publication.

#include <string>

#include "leaspec/catalog.hpp"
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

/// ReqIF 1.0 XML. Identifiers derive from the spec's ids, so a tool that imports a changed
/// spec again updates its objects instead of duplicating them.
std::string to_reqif(const spec::Spec& spec, const Source& source);

/// An OCDS 1.1 release for the tender, with the lots extension's fields.
std::string to_ocds(const spec::Spec& spec, const Source& source, const std::string& ocid_prefix,
                    const catalog::Catalogs& catalogs);

/// The changes between two versions as JSON: `{"changes": [...], "equal": bool}`.
std::string diff_json(const std::vector<joint::Change>& changes);

/// A merge's findings and coverage as JSON, for tools that read the merge report.
std::string merge_report_json(const joint::MergeResult& result);

}  // namespace leaspec::exports
