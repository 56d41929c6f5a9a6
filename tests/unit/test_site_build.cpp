#include <set>
#include <string>

#include <doctest/doctest.h>

#include "leaspec/resources.hpp"
#include "leaspec/site.hpp"

using namespace leaspec;

namespace {

const char* const k_broken = R"(leaspec: 1
id: X-1
title: Broken
version: "1"
status: draft
area: forensics
agencies:
  - {id: NL-POL, name: Politie, country: NL, role: lead}
procurement:
  award:
    method: best-price-quality-ratio
    criteria:
      - {id: P, name: Price, type: price, weight: 50}
sections:
  - id: S
    title: Things
    requirements:
      - id: R-1
        text: The thing shall be robust.
        priority: mandatory
      - id: R-2
        text: The thing shall work.
        priority: mandatory
        requested_by: [XX-YY]
      - id: R-1
        text: The thing shall stop.
        priority: mandatory
)";

const char* const k_unreadable =
    "leaspec: 1\nid: BAD\ntitle: Bad\nsections:\n  - id: S\n"
    "    title: S\n    requirements:\n      - id: R-1\n"
    "        text: The <thing> shall work.\n        priorty: high\n";

/// A collection made through the real pipeline.
struct Fixture {
  std::optional<check::Checker> checker;
  site::Collection collection;

  Fixture() {
    DiagnosticSink sink;
    checker = check::Checker::create({}, sink);
    REQUIRE(checker);
  }

  void add(const std::string& name, const std::string& text) {
    DiagnosticSink sink;
    check::CheckedSpec checked =
        checker->check(std::make_shared<SourceFile>(name, text), check::Config{}, sink);
    sink.sort_by_position();
    checked.has_errors = checked.has_errors || !checked.model;
    collection.entries.push_back(
        {name, "specs", std::move(checked), sink.diagnostics(), conform::bundled()});
  }

  void add_examples() {
    for (const auto& resource : catalog::all_resources()) {
      std::string name(resource.name);
      if (name.rfind("data/examples/", 0) == 0 && name.find("joint") == std::string::npos &&
          check::looks_like_spec(resource.data)) {
        add(name.substr(14), std::string(resource.data));
      }
    }
  }

  site::Files build() const { return site::build(collection, catalog::Units::bundled()); }
};

/// The text of the element with `id` up to its closing tag `close`.
std::string element(const std::string& page, const std::string& id, const std::string& close) {
  std::size_t start = page.find("id=\"" + id + "\"");
  if (start == std::string::npos) {
    return {};
  }
  return page.substr(start, page.find(close, start) - start);
}

bool has(const std::string& text, const std::string& needle) {
  return text.find(needle) != std::string::npos;
}

}  // namespace

TEST_CASE("the site has an index, a page per spec, a stylesheet, a script and a search index") {
  Fixture fixture;
  fixture.add_examples();
  REQUIRE(fixture.collection.entries.size() == 3);
  site::Files files = fixture.build();
  std::set<std::string> names;
  for (const auto& file : files) {
    names.insert(file.first);
    CHECK_FALSE(file.second.empty());
  }
  CHECK(names == std::set<std::string>{"anpr.html", "body-worn-cameras.html",
                                       "forensic-acquisition.html", "index.html", "search-index.js",
                                       "site.js", "style.css"});
  const std::string& index = files["index.html"];
  for (const char* link :
       {"href=\"anpr.html\">ANPR-2027<", "href=\"body-worn-cameras.html\">BWC-2026<",
        "href=\"forensic-acquisition.html\">DFA-2026<"}) {
    CHECK(has(index, link));
  }
  CHECK(has(index, "3 specs with 110 requirements in 1 folder: 0 errors, 0 warnings."));
  CHECK(has(files["search-index.js"],
            "[\"body-worn-cameras.html\",\"BWC-VID-001\",\"BWC-VID-001\",\"The camera shall "
            "record video at a resolution of at least 1920 x 1080 pixels.\",\"BWC-2026 1.0.0\"]"));
  // The same collection gives the same bytes.
  CHECK(fixture.build() == files);
}

TEST_CASE("a spec page has every requirement as an anchor and every chart with a title") {
  Fixture fixture;
  fixture.add_examples();
  site::Files files = fixture.build();
  std::vector<std::string> names = site::page_names(fixture.collection.entries);
  for (std::size_t i = 0; i < names.size(); ++i) {
    const site::Entry& entry = fixture.collection.entries[i];
    const std::string& page = files[names[i]];
    spec::for_each_requirement(
        *entry.checked.model, [&](const spec::Requirement& r, const spec::Section&) {
          CHECK_MESSAGE(has(page, "<article class=\"requirement\" id=\"" + r.id.value + "\""),
                        r.id.value);
        });
    std::size_t svgs = 0;
    for (std::size_t at = page.find("<svg"); at != std::string::npos;
         at = page.find("<svg", at + 1)) {
      ++svgs;
      std::size_t tag_end = page.find('>', at);
      CHECK(page.compare(tag_end + 1, 8, "\n<title>") == 0);
    }
    CHECK(svgs >= 3);  // award, coverage, traceability
    CHECK(has(page, "<title>Who asked for what</title>"));
    CHECK(has(page, "<title>Traceability</title>"));
    CHECK(has(page, "The chart's data as a table"));
  }
}

TEST_CASE("a spec with errors gets a page that shows each finding where it is") {
  Fixture fixture;
  fixture.add("broken.yaml", k_broken);
  site::Files files = fixture.build();
  const std::string& page = files["broken.html"];
  CHECK(has(page, "Findings: 3 errors, 1 warning"));
  // The duplicate id is reported on the second R-1, which keeps a page-unique anchor.
  std::string second = element(page, "R-1-duplicate-2", "</article>");
  CHECK(has(second, "requirement id &quot;R-1&quot; is already used at line 18"));
  CHECK(has(page, "<article class=\"requirement has-error\" id=\"R-1-duplicate-2\""));
  std::string first = element(page, "R-1", "</article>");
  CHECK(has(first, "&quot;robust&quot; is vague"));
  CHECK(has(page, "<article class=\"requirement has-warning\" id=\"R-1\""));
  CHECK_FALSE(has(first, "already used"));
  CHECK(has(element(page, "R-2", "</article>"), "agency &quot;XX-YY&quot; is not defined"));
  // The award finding is shown with the award chart, and the summary links to it.
  CHECK(has(element(page, "award", "</section>"), "the award weights add up to 50, not 100"));
  CHECK(has(page, "<a class=\"where\" href=\"#award\">at award criteria</a>"));
  CHECK(has(page, "<a class=\"where\" href=\"#R-1-duplicate-2\">at R-1 (used again)</a>"));
  CHECK(has(files["index.html"], "<span class=\"error-count\">3 errors</span>"));
}

TEST_CASE("a file the schema rejects is shown as written with its findings under their lines") {
  Fixture fixture;
  fixture.add("bad.yaml", k_unreadable);
  site::Files files = fixture.build();
  const std::string& page = files["bad.html"];
  CHECK(has(page, "bad.yaml could not be read as a spec"));
  CHECK(has(page,
            "<tr id=\"L9\"><th scope=\"row\">9</th><td><code>        text: The &lt;thing&gt; "
            "shall work.</code></td></tr>"));
  std::string line10 = element(page, "L10", "</tr>\n<tr id=\"L11\"");
  CHECK(has(line10, "class=\"has-finding\""));
  CHECK(has(line10,
            "unknown key &quot;priorty&quot;; did you mean &quot;priority&quot;, which is required "
            "here?"));
  CHECK(has(page, "<a class=\"where\" href=\"#L10\">at line 10</a>"));
  CHECK(has(files["index.html"], "not readable as a spec"));
}

TEST_CASE("two versions compared show their changes on the later one's page") {
  Fixture fixture;
  std::string before = k_broken;
  before.replace(before.find("weight: 50"), 10, "weight: 100");
  before.erase(before.find("      - id: R-1\n        text: The thing shall stop."));
  before.replace(before.find("robust"), 6, "waterproof");
  before.erase(before.find("        requested_by: [XX-YY]\n"), 30);
  std::string after = before;
  after.replace(after.find("version: \"1\""), 12, "version: \"2\"");
  after.replace(after.find("The thing shall work."), 21, "The thing shall work twice.");
  after += "      - {id: R-3, text: The thing shall glow., priority: mandatory}\n";
  fixture.add("v1/x.yaml", before);
  fixture.add("v2/x.yaml", after);
  fixture.collection.comparisons.push_back({0, 1});
  site::Files files = fixture.build();
  const std::string& page = files["v2-x.html"];
  CHECK(has(page, "<h2 id=\"changes\">Changes</h2>"));
  CHECK(has(page, "Compared with version 1 in <a href=\"v1-x.html\">v1/x.yaml</a>: 2 changes."));
  CHECK(has(page, "<title>Changes per section</title>"));
  CHECK(has(page,
            "<tr><th>Things</th><td class=\"num\">1</td><td class=\"num\">0</td><td "
            "class=\"num\">0</td><td class=\"num\">0</td><td class=\"num\">1</td>"));
  CHECK(has(page, "The thing shall <del>work.</del> <ins>work twice.</ins></span>"));
  CHECK(
      has(files["v1-x.html"], "A later version, 2 (<a href=\"v2-x.html#changes\">v2/x.yaml</a>)"));
  CHECK(has(files["index.html"], "<a href=\"v2-x.html#changes\">2 changes</a>"));

  // A version with errors is not compared; the page says why.
  fixture.add("broken.yaml", k_broken);
  fixture.collection.comparisons = {{2, 1}};
  files = fixture.build();
  CHECK(has(files["v2-x.html"],
            "No comparison with <a href=\"broken.html\">broken.yaml</a>: "
            "broken.yaml has errors."));
  fixture.collection.comparisons = {{0, 7}};
  CHECK_THROWS_AS(fixture.build(), Error);
}

TEST_CASE("a spec's page shows its conformance to the standards its conforms_to names") {
  Fixture fixture;
  fixture.add_examples();
  std::string spec = std::string(*catalog::find_resource("data/examples/body-worn-cameras.yaml"));
  // A copy that weakens one floor and names a version nobody knows besides.
  std::string weaker = spec;
  weaker.replace(weaker.find("value: 12, unit: h"), 18, "value: 600, unit: min");
  weaker.replace(weaker.find("for at least 12 hours"), 21, "for at least 600 minutes");
  weaker.replace(weaker.find("version: \"1.0\"}]"), 16,
                 "version: \"1.0\"}, {standard: BWV-EU, version: \"9\"}]");
  fixture.add("weaker.yaml", weaker);
  fixture.add("bwv-eu.yaml", std::string(*catalog::find_resource("data/standards/bwv-eu.yaml")));
  site::Files files = fixture.build();
  const std::string& page = files["body-worn-cameras.html"];
  CHECK(has(page, "<li><a href=\"#conformance\">Conformance</a></li>"));
  CHECK(has(page, "<h2 id=\"conformance\">Conformance to common standards</h2>"));
  // The standard is listed, linked to its own page in the site.
  CHECK(has(page,
            "<li><a href=\"bwv-eu.html\"><strong>BWV-EU 1.0</strong></a> Body-worn video "
            "for front-line policing <span class=\"meta\">(CWA BWV-EU:2026, CEN/WS BWV, "
            "stage working-draft; bundled with leaspec)</span></li>"));
  CHECK(has(page, "<title>Conformance per clause of BWV-EU 1.0</title>"));
  CHECK(has(page, "<p>30 rows: 27 meet, 2 tighten, 0 weaken, 0 missing, 1 left out."));
  // A row: the clause linked to the standard's page, the implementer to its requirement.
  CHECK(has(page,
            "<tr class=\"verdict-tightens\"><th scope=\"row\"><a "
            "href=\"bwv-eu.html#BWV-EU-PWR-005\">BWV-EU-PWR-005</a> <span "
            "class=\"meta\">mandatory</span></th><td><a href=\"#BWC-STD-004\">BWC-STD-004</a> "
            "<span class=\"meta\">mandatory</span></td><td>&gt;= 64 GB</td><td>&gt;= 128 "
            "GB</td><td><span class=\"verdict tightens\">tightens</span><br><span "
            "class=\"reason\">storage capacity &gt;= 128 GB is stricter than &gt;= 64 "
            "GB</span></td></tr>"));
  const std::string& weak = files["weaker.html"];
  CHECK(has(weak,
            "<td>&gt;= 12 h</td><td>&gt;= 10 h (&gt;= 600 min)</td><td><span class=\"verdict "
            "weakens\">weakens</span>"));
  CHECK(has(weak, "<li><strong>BWV-EU 9</strong>: not known (the versions known are 1.0).</li>"));
  // Without conforms_to there is no section.
  CHECK_FALSE(has(files["bwv-eu.html"], "id=\"conformance\""));
}

TEST_CASE("page names are unique file names derived from the spec files") {
  auto entry = [](std::string name) { return site::Entry{std::move(name), "", {}, {}, {}}; };
  std::vector<site::Entry> entries;
  for (const char* name :
       {"joint/NL.yaml", "index.yaml", "a b/../c.yml", "joint-nl.yaml", "...", ".hidden.yaml"}) {
    entries.push_back(entry(name));
  }
  CHECK(site::page_names(entries) == std::vector<std::string>{"joint-nl.html", "index-2.html",
                                                              "a-b-..-c.html", "joint-nl-2.html",
                                                              "spec.html", "hidden.html"});
}

TEST_CASE("every colour the charts draw with is in the palette the contrast test checks") {
  Fixture fixture;
  fixture.add_examples();
  fixture.add("broken.yaml", k_broken);
  site::Files files = fixture.build();
  std::set<std::string> known;
  for (const site::Swatch& swatch : site::palette()) {
    known.insert(std::string(swatch.colour));
    known.insert(std::string(swatch.background));
  }
  std::size_t seen = 0;
  for (const auto& file : files) {
    const std::string& name = file.first;
    const std::string& bytes = file.second;
    for (const char* attribute : {"fill=\"#", "stroke=\"#"}) {
      for (std::size_t at = bytes.find(attribute); at != std::string::npos;
           at = bytes.find(attribute, at + 1)) {
        std::string colour = bytes.substr(bytes.find('#', at), 7);
        CHECK_MESSAGE(known.count(colour), name << " draws with " << colour);
        ++seen;
      }
    }
  }
  CHECK(seen > 100);
}
