#pragma once
// A static HTML site of a spec collection: one page per spec with its requirements, the
// findings of the checking pipeline where they are, and inline SVG charts; an index of all
// specs; a small client-side search over a prebuilt index. The site is a set of files by name;
// the command line writes them.

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "leaspec/catalog.hpp"
#include "leaspec/check/checker.hpp"
#include "leaspec/conform.hpp"
#include "leaspec/joint.hpp"
#include "leaspec/source.hpp"
#include "leaspec/spec.hpp"

namespace leaspec::site {

/// One spec file of the collection as the pipeline left it.
struct Entry {
  /// The file's path below the folder it was found in, or its name when named itself; page
  /// names derive from it.
  std::string name;
  /// The heading the index lists the spec under: the folder it was found in.
  std::string group;
  check::CheckedSpec checked;
  /// Every finding about the file, in position order.
  std::vector<Diagnostic> diagnostics;
  /// The common standards the spec's conforms_to is looked up among, as checking looks them
  /// up (--standard files, standards_path folders, the bundled ones); the page shows the
  /// spec's conformance to those it names, as `conform::evaluate` gives it.
  conform::Library standards = {};
  /// The units its bounds compare in (its configuration's); nullptr for those `build` gets.
  const catalog::Units* units = nullptr;
};

/// Two versions of one spec to compare: indexes into `Collection::entries`.
struct Comparison {
  std::size_t before = 0;
  std::size_t after = 0;
};

struct Collection {
  std::vector<Entry> entries;
  std::vector<Comparison> comparisons;
};

/// The files of the site by name (no folders), each with its bytes.
using Files = std::map<std::string, std::string>;

/// Builds the whole site: `index.html`, one page per entry, `style.css`, `site.js` and
/// `search-index.js`, comparing versions with `units`. The same collection always gives the
/// same bytes.
Files build(const Collection& collection, const catalog::Units& units);

/// The page name of each entry ("body-worn-cameras.html"), unique and safe as a file name,
/// in the order of the entries.
std::vector<std::string> page_names(const std::vector<Entry>& entries);

// ---- Charts: each returns an HTML fragment, a <figure> with an inline SVG that has a
// <title> and <desc>, and the same data as a table; empty when there is nothing to draw.

/// Where a chart's element ids start, so that several charts on one page stay unique.
struct ChartIds {
  std::string prefix = "chart";
  int next = 1;
  std::string take();
};

/// Award criteria weights as bars, one chart per group of lots that share an award.
std::string award_charts(const spec::Spec& spec, ChartIds& ids);

/// Requirements per section (rows) and requesting agency (columns), shaded by the share of
/// the section's requirements that the agency asked for.
std::string coverage_chart(const spec::Spec& spec, ChartIds& ids);

/// The traceability graph: requirements to the requirements they depend on and to the
/// references they cite, laid out in layers from left to right.
std::string trace_chart(const spec::Spec& spec, ChartIds& ids);

/// Changes per section between two versions: added, removed, tightened, relaxed, other.
std::string change_chart(const std::vector<joint::Change>& changes, const spec::Spec& after,
                         ChartIds& ids);

/// Verdicts per clause of one common standard: meets, tightens, weakens, missing, left out.
std::string conformance_chart(const conform::StandardResult& result, ChartIds& ids);

// ---- The layered layout of the traceability graph, exposed for tests.

struct TraceNode {
  std::string id;  ///< requirement or reference id; empty for a bend point of a long edge
  bool reference = false;
  int layer = 0;
  double x = 0, y = 0;  ///< top left
  double width = 0, height = 0;
};

struct TraceEdge {
  std::size_t from = 0, to = 0;  ///< node indexes
  bool depends = false;          ///< depends_on rather than a citation
  std::string clauses;           ///< cited clauses, comma-separated
  /// The bend points an edge that spans several layers passes through, one per layer
  /// between its ends: indexes of nodes with an empty id.
  std::vector<std::size_t> bends;
};

struct TraceLayout {
  std::vector<TraceNode> nodes;
  std::vector<TraceEdge> edges;
  double width = 0, height = 0;
  /// Requirements that neither cite a reference nor take part in a dependency.
  std::size_t untraced = 0;
};

TraceLayout layout_trace(const spec::Spec& spec);

/// Pairs of edge segments between adjacent layers that cross, to measure the layout.
std::size_t crossings(const TraceLayout& layout);

// ---- The colours of the charts and pages, for the contrast test.

/// A colour the site draws with and what it is drawn on.
struct Swatch {
  std::string_view role;
  std::string_view colour;      ///< #rrggbb
  std::string_view background;  ///< #rrggbb it is drawn on
  bool text = false;            ///< text needs 4.5:1, graphics 3:1 (WCAG 2.1 AA)
};

/// Every colour pairing of the site's pages and charts.
const std::vector<Swatch>& palette();

}  // namespace leaspec::site
