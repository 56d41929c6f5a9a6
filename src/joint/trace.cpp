// Merge findings as diagnostics in the inputs: conflicts at the sides they concern, and
// problems of the joint spec at the input lines its parts came from.
#include <algorithm>

#include <fmt/format.h>

#include "leaspec/joint.hpp"
#include "leaspec/text.hpp"

namespace leaspec::joint {
namespace {

/// The statement of a side, as a note shows it.
std::string wording_note(const Finding& finding, std::size_t side, std::string_view which) {
  for (const Version& version : finding.versions) {
    if (version.side.file == finding.sides[side].file &&
        version.side.position == finding.sides[side].position) {
      return fmt::format("{} says: \"{}\"", which, version.text);
    }
  }
  return std::string(which) + " is here";
}

/// A part of the joint spec: where it starts (and ends, for a requirement) in the joint text
/// and the input sides it came from.
struct Part {
  Position start;
  Position end;
  std::vector<Side> sides;
};

std::vector<Part> parts_of(const MergeResult& result, const spec::Spec& joint) {
  std::vector<Part> parts;
  auto add = [&](Position start, const std::string& key) {
    auto origin = result.origins.find(key);
    if (origin != result.origins.end()) {
      parts.push_back({start, {}, {origin->second}});
    }
  };
  for (const spec::Agency& agency : joint.agencies) {
    add(agency.position, "agency " + agency.id.value);
  }
  for (const spec::Reference& reference : joint.references) {
    add(reference.position, "reference " + reference.id.value);
  }
  for (const spec::Definition& definition : joint.definitions) {
    std::string term = text::ascii_lower(definition.term.value);
    add(definition.position, "definition " + term);
  }
  if (joint.procurement) {
    add(joint.procurement->position, "procurement");
    for (const spec::Lot& lot : joint.procurement->lots) {
      add(lot.position, "lot " + lot.id.value);
    }
    if (joint.procurement->award) {
      add(joint.procurement->award->position, "award");
    }
  }
  spec::for_each_requirement(joint, [&](const spec::Requirement& r, const spec::Section&) {
    auto provenance = result.provenance.find(r.id.value);
    if (provenance == result.provenance.end()) {
      return;
    }
    // The input whose requirement was chosen first: its statement and metric are the joint's.
    std::vector<Side> sides = provenance->second;
    auto chosen = result.origins.find("requirement " + r.id.value);
    if (chosen != result.origins.end()) {
      auto at = std::find_if(sides.begin(), sides.end(), [&](const Side& s) {
        return s.file == chosen->second.file && s.position == chosen->second.position;
      });
      if (at != sides.end()) {
        std::rotate(sides.begin(), at, at + 1);
      }
    }
    parts.push_back({r.position, r.end, std::move(sides)});
  });
  return parts;
}

/// The part a position lies in: the requirement that holds it, else the last part that
/// starts before it.
const Part* part_at(const std::vector<Part>& parts, Position position) {
  const Part* best = nullptr;
  for (const Part& part : parts) {
    if (part.end.line > 0) {
      if (part.start <= position && position < part.end) {
        return &part;
      }
      continue;
    }
    if (part.start <= position && (!best || best->start < part.start)) {
      best = &part;
    }
  }
  return best;
}

}  // namespace

std::vector<Diagnostic> conflict_diagnostics(const MergeResult& result) {
  std::vector<Diagnostic> diagnostics;
  for (const Finding& finding : result.findings) {
    if (!finding.conflict) {
      continue;
    }
    Diagnostic d;
    d.severity = Severity::error;
    d.rule = rule_of(finding.kind);
    d.message = finding.reason.empty() ? finding.message
                                       : fmt::format("{}: {}", finding.message, finding.reason);
    if (!finding.sides.empty()) {
      d.file = finding.sides.front().file;
      d.position = finding.sides.front().position;
      d.pointer = finding.sides.front().pointer;
    }
    bool reworded = !finding.words.empty();
    if (reworded) {
      d.related.push_back({d.file, d.position, d.pointer, wording_note(finding, 0, "this side")});
    }
    for (std::size_t i = 1; i < finding.sides.size(); ++i) {
      const Side& side = finding.sides[i];
      d.related.push_back(
          {side.file, side.position, side.pointer,
           reworded ? wording_note(finding, i, "the other side") : "the other side is here"});
    }
    diagnostics.push_back(std::move(d));
  }
  return diagnostics;
}

std::vector<Diagnostic> trace(const MergeResult& result, const spec::Spec* joint,
                              const std::vector<Diagnostic>& diagnostics) {
  std::vector<Part> parts = joint ? parts_of(result, *joint) : std::vector<Part>{};
  std::vector<Diagnostic> traced;
  for (const Diagnostic& d : diagnostics) {
    Diagnostic moved = d;
    moved.related.clear();
    moved.message = "in the joint spec, " + d.message;
    const Part* part = part_at(parts, d.position);
    std::vector<Side> sides =
        part ? part->sides
             : std::vector<Side>{
                   Side{result.inputs.empty() ? d.file : result.inputs.front(), Position{}, ""}};
    moved.file = sides.front().file;
    moved.position = sides.front().position;
    moved.pointer = sides.front().pointer;
    for (std::size_t i = 1; i < sides.size(); ++i) {
      moved.related.push_back(
          {sides[i].file, sides[i].position, sides[i].pointer, "merged with this one"});
    }
    if (d.position.line > 0) {
      moved.related.push_back({d.file, d.position, d.pointer, "the joint spec would have it here"});
    }
    traced.push_back(std::move(moved));
  }
  return traced;
}

}  // namespace leaspec::joint
