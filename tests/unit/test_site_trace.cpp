#include <map>
#include <string>

#include <doctest/doctest.h>
#include <fmt/format.h>

#include "helpers.hpp"
#include "leaspec/site.hpp"

using namespace leaspec;

namespace {

/// A spec with the given references and requirements (YAML lines under `requirements:`).
std::string spec_with(const std::string& references, const std::string& requirements) {
  return "leaspec: 1\nid: T-1\ntitle: T\nversion: \"1\"\nstatus: draft\narea: forensics\n"
         "references:\n" +
         references + "sections:\n  - id: S\n    title: S\n    requirements:\n" + requirements;
}

std::string reference(const std::string& id) {
  return fmt::format("  - {{id: {0}, designation: {0}, title: {0}, type: standard}}\n", id);
}

std::string requirement(const std::string& id, const std::string& extra) {
  return fmt::format("      - {{id: {}, text: The thing shall work., priority: mandatory{}}}\n", id,
                     extra);
}

const site::TraceNode& node(const site::TraceLayout& layout, const std::string& id) {
  for (const site::TraceNode& n : layout.nodes) {
    if (n.id == id) {
      return n;
    }
  }
  FAIL("no node " << id);
  return layout.nodes.front();
}

/// Nodes of one layer must not overlap.
void check_no_overlap(const site::TraceLayout& layout) {
  for (std::size_t i = 0; i < layout.nodes.size(); ++i) {
    for (std::size_t j = i + 1; j < layout.nodes.size(); ++j) {
      const site::TraceNode& a = layout.nodes[i];
      const site::TraceNode& b = layout.nodes[j];
      if (a.layer == b.layer) {
        bool apart = a.y + a.height <= b.y || b.y + b.height <= a.y;
        CHECK_MESSAGE(apart, a.id << " and " << b.id << " overlap in layer " << a.layer);
      }
      if (a.layer < b.layer) {
        CHECK(a.x + a.width < b.x);
      }
    }
  }
}

}  // namespace

TEST_CASE("the trace layout puts dependents left of dependencies and references last") {
  test::Model built(
      spec_with(reference("STD-A") + reference("STD-B"),
                requirement("R-1", ", depends_on: [R-2], references: [STD-A]") +
                    requirement("R-2", ", depends_on: [R-3]") +
                    requirement("R-3", ", references: [{ref: STD-B, clause: \"4.2\"}]") +
                    requirement("R-4", "")));
  site::TraceLayout layout = site::layout_trace(built.spec);
  CHECK(node(layout, "R-1").layer == 0);
  CHECK(node(layout, "R-2").layer == 1);
  CHECK(node(layout, "R-3").layer == 2);
  CHECK(node(layout, "STD-A").layer == 3);
  CHECK(node(layout, "STD-A").reference);
  CHECK(layout.untraced == 1);
  // R-1's citation spans layers 1 and 2: it bends once in each.
  bool found = false;
  for (const site::TraceEdge& edge : layout.edges) {
    if (layout.nodes[edge.from].id == "R-1" && layout.nodes[edge.to].id == "STD-A") {
      found = true;
      CHECK(edge.bends.size() == 2);
      CHECK_FALSE(edge.depends);
    }
    if (layout.nodes[edge.to].id == "STD-B") {
      CHECK(edge.clauses == "4.2");
    }
  }
  CHECK(found);
  check_no_overlap(layout);
}

TEST_CASE("the trace layout orders references so that citations do not cross") {
  // Requirements cite the references in the reverse of the order the spec lists them.
  std::string references, requirements;
  for (int i = 1; i <= 8; ++i) {
    references += reference(fmt::format("STD-{}", 9 - i));
    requirements += requirement(fmt::format("R-{}", i), fmt::format(", references: [STD-{}]", i));
  }
  site::TraceLayout layout =
      site::layout_trace(test::Model(spec_with(references, requirements)).spec);
  CHECK(site::crossings(layout) == 0);
  CHECK(node(layout, "STD-1").y < node(layout, "STD-8").y);
}

TEST_CASE("a dependency cycle is laid out without looping") {
  test::Model built(spec_with(reference("STD-A"),
                              requirement("R-1", ", depends_on: [R-2]") +
                                  requirement("R-2", ", depends_on: [R-1], references: [STD-A]")));
  site::TraceLayout layout = site::layout_trace(built.spec);
  CHECK(layout.nodes.size() >= 3);
  check_no_overlap(layout);
}

TEST_CASE("the trace layout of 100 requirements keeps every node apart and stays stable") {
  std::string references, requirements;
  for (int i = 1; i <= 15; ++i) {
    references += reference(fmt::format("STD-{}", i));
  }
  for (int i = 1; i <= 100; ++i) {
    std::string extra = fmt::format(", references: [STD-{}]", 1 + (i * 7) % 15);
    if (i % 4 == 0) {
      extra += fmt::format(", depends_on: [R-{}]", i - 1 - (i % 3));
    }
    requirements += requirement(fmt::format("R-{}", i), extra);
  }
  std::string text = spec_with(references, requirements);
  test::Model built(text);
  site::TraceLayout layout = site::layout_trace(built.spec);
  std::size_t requirement_nodes = 0;
  for (const site::TraceNode& n : layout.nodes) {
    requirement_nodes += !n.reference && !n.id.empty() ? 1 : 0;
  }
  CHECK(requirement_nodes == 100);
  check_no_overlap(layout);
  // Requirements keep the document's order within their layer, so a reader finds them.
  CHECK(node(layout, "R-1").y < node(layout, "R-2").y);
  CHECK(node(layout, "R-98").y < node(layout, "R-99").y);
  // References spread out rather than crowd: at least a node and a half apart.
  std::vector<double> ys;
  for (const site::TraceNode& n : layout.nodes) {
    if (n.reference) {
      ys.push_back(n.y);
    }
  }
  std::sort(ys.begin(), ys.end());
  for (std::size_t i = 1; i < ys.size(); ++i) {
    CHECK(ys[i] - ys[i - 1] >= 33);
  }
  // The same spec always gives the same drawing.
  site::ChartIds first, second;
  CHECK(site::trace_chart(built.spec, first) == site::trace_chart(test::Model(text).spec, second));
}

TEST_CASE("the trace chart links nodes to the page and lists what it leaves out") {
  test::Model built(spec_with(
      reference("STD-A"), requirement("R-1", ", references: [STD-A]") + requirement("R-2", "")));
  site::ChartIds ids;
  std::string html = site::trace_chart(built.spec, ids);
  CHECK(html.find("<title>Traceability</title>") != std::string::npos);
  CHECK(html.find("data-href=\"#R-1\"><title>R-1: The thing shall work.</title>") !=
        std::string::npos);
  CHECK(html.find("data-href=\"#ref-STD-A\"><title>STD-A: STD-A</title>") != std::string::npos);
  CHECK(html.find("<title>R-1 cites STD-A</title>") != std::string::npos);
  CHECK(html.find("(1): <a href=\"#R-2\">R-2</a>.") != std::string::npos);
  CHECK(html.find("<td>\xE2\x80\x93</td><td><a href=\"#ref-STD-A\">STD-A</a></td>") !=
        std::string::npos);
  test::Model none(spec_with(reference("STD-A"), requirement("R-1", "")));
  CHECK(site::trace_chart(none.spec, ids).empty());
}
