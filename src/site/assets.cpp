// The site's stylesheet (screen and print) and its script (search, clicks on charts).
#include "site/pages.hpp"

namespace leaspec::site {

const std::string_view k_stylesheet = R"css(/* leaspec site: one stylesheet for screen and print. */
:root {
  color-scheme: light;
  --text: #1b1f24; --muted: #4a5360; --line: #8a94a3; --soft: #dfe3e8; --panel: #f4f6f9;
  --blue: #2559a7; --teal: #00758f; --red: #b3261e; --orange: #a15c00; --green: #2b7a3d;
}
* { box-sizing: border-box; }
body { margin: 0; font-family: "Liberation Sans", Arial, Helvetica, sans-serif; font-size: 1rem;
       line-height: 1.5; color: var(--text); background: #ffffff; }
a { color: var(--blue); }
a:focus-visible, input:focus-visible, summary:focus-visible {
  outline: 3px solid var(--blue); outline-offset: 2px; }
[id] { scroll-margin-top: 4.5rem; }
.skip { position: absolute; left: -9999px; }
.skip:focus { left: 1rem; top: .5rem; z-index: 10; background: #ffffff; padding: .25rem .5rem; }
header.site { position: sticky; top: 0; z-index: 5; display: flex; align-items: center;
              gap: 1.5rem; padding: .55rem 1.5rem; background: var(--panel);
              border-bottom: 1px solid var(--soft); }
header.site .home { font-weight: bold; color: var(--text); text-decoration: none; }
form.search { display: flex; align-items: center; gap: .5rem; margin-left: auto; }
form.search[hidden] { display: none; }
form.search label { color: var(--muted); font-size: .875rem; }
form.search input { width: 22rem; max-width: 50vw; padding: .3rem .55rem; font: inherit;
                    border: 1px solid var(--line); border-radius: 4px; }
.search-results { max-width: 72rem; margin: 0 auto; padding: .5rem 1.5rem 1rem;
                  border-bottom: 1px solid var(--soft); }
.search-results ol { margin: .25rem 0 0; padding-left: 1.5rem; }
.search-results li { margin: .2rem 0; }
.search-results .in, .search-results .status { color: var(--muted); font-size: .875rem; }
main { max-width: 72rem; margin: 0 auto; padding: .75rem 1.5rem 3rem; }
h1 { font-size: 1.75rem; line-height: 1.25; margin: .5rem 0 .75rem; }
h2 { font-size: 1.35rem; margin: 2.25rem 0 .75rem; padding-bottom: .25rem;
     border-bottom: 2px solid var(--soft); }
h3 { font-size: 1.15rem; margin: 1.75rem 0 .5rem; }
h4, h5, h6 { font-size: 1rem; margin: 0; }
.spec-section .spec-section h4 { font-size: 1.05rem; margin: 1.25rem 0 .4rem; }
.crumbs { font-size: .875rem; color: var(--muted); margin-top: .5rem; }
.lead { font-size: 1.05rem; max-width: 50rem; }
.clean { color: var(--green); font-weight: bold; }
ul.meta { display: flex; flex-wrap: wrap; gap: .2rem 1.75rem; margin: .5rem 0 1rem; padding: 0;
          list-style: none; color: var(--muted); }
ul.meta strong { color: var(--text); }
table { border-collapse: collapse; width: 100%; margin: .75rem 0 1.25rem; font-size: .9375rem; }
caption { text-align: left; font-weight: bold; padding-bottom: .35rem; }
th, td { text-align: left; vertical-align: top; padding: .35rem .6rem;
         border-bottom: 1px solid var(--soft); }
thead th { background: var(--panel); border-bottom: 2px solid var(--line); }
.num { text-align: right; font-variant-numeric: tabular-nums; }
code, .rid, .sid { font-family: "Liberation Mono", "DejaVu Sans Mono", Consolas, monospace; }
code { font-size: .875em; }
.tag { display: inline-block; padding: 0 .4rem; font-size: .75rem; font-weight: normal;
       font-family: "Liberation Sans", Arial, sans-serif; color: var(--muted);
       border: 1px solid var(--line); border-radius: 3px; vertical-align: middle; }
.badge { display: inline-block; padding: .05rem .45rem; font-size: .75rem; font-weight: bold;
         font-family: "Liberation Sans", Arial, sans-serif; border-radius: 3px;
         vertical-align: middle; }
.badge.mandatory { background: var(--blue); color: #ffffff; }
.badge.recommended { background: var(--teal); color: #ffffff; }
.badge.optional { background: #ffffff; color: var(--muted); border: 1px solid var(--line); }
.intro-row { display: grid; grid-template-columns: minmax(0, 1fr) minmax(15rem, 19rem);
             gap: 0 2.5rem; align-items: start; }
.intro-row .lead { margin-top: 0; }
nav.contents { width: fit-content; min-width: 15rem; padding: .5rem 1.5rem .6rem 1rem;
               background: var(--panel); border-radius: 4px; font-size: .9375rem; }
.intro-row nav.contents { width: auto; }
nav.contents h2 { font-size: 1rem; border: 0; margin: 0 0 .25rem; padding: 0; }
nav.contents ol { margin: 0; padding-left: 1.25rem; }
ul.sections { display: flex; flex-wrap: wrap; gap: .2rem 1.5rem; padding: 0; list-style: none; }
.glance { display: grid; grid-template-columns: repeat(auto-fit, minmax(28rem, 1fr));
          gap: 0 2.5rem; align-items: start; }
.glance figure.chart { margin-top: .5rem; }
table.specs th a, table.lots tbody th, table.agencies tbody th { white-space: nowrap; }
table.specs td:nth-child(4), table.specs td:nth-child(5) { white-space: nowrap; }
table.specs tr.group th { padding-top: 1.1rem; background: #ffffff; font-weight: normal;
                          color: var(--muted); border-bottom: 2px solid var(--soft); }
table.specs tr.group th code { color: var(--text); font-weight: bold; font-size: 1rem; }
.chart-note { max-width: 56rem; font-size: .875rem; color: var(--muted); }
section.summary-findings { margin: 1rem 0; padding: .25rem 1rem .5rem; border: 1px solid var(--soft);
                           border-left: 4px solid var(--orange); border-radius: 4px; }
section.summary-findings.has-error { border-left-color: var(--red); }
section.summary-findings h2 { margin: .5rem 0; border: 0; font-size: 1.15rem; }
ul.findings { list-style: none; padding: 0; margin: .5rem 0; }
.finding { margin: .25rem 0; padding: .3rem .6rem; font-size: .9375rem; background: var(--panel);
           border-left: 4px solid var(--line); }
.finding.error { border-left-color: var(--red); }
.finding.warning { border-left-color: var(--orange); }
.finding .severity { font-weight: bold; text-transform: capitalize; }
.finding.error .severity { color: var(--red); }
.finding.warning .severity { color: var(--orange); }
.finding .meta { margin-left: .35rem; color: var(--muted); font-size: .8125rem; }
.subject { margin: .75rem 0 0; font-weight: bold; }
.error-count { color: var(--red); font-weight: bold; }
.warning-count { color: var(--orange); font-weight: bold; }
tr.has-error th:first-child { box-shadow: inset 4px 0 var(--red); }
tr.has-warning th:first-child { box-shadow: inset 4px 0 var(--orange); }
article.requirement { margin: .6rem 0; padding: .55rem .9rem; border: 1px solid var(--soft);
                      border-left: 4px solid var(--soft); border-radius: 4px; }
article.requirement.has-warning { border-left-color: var(--orange); }
article.requirement.has-error { border-left-color: var(--red); }
article.requirement:target { outline: 3px solid var(--blue); outline-offset: 1px; }
.rid { display: flex; flex-wrap: wrap; align-items: center; gap: .5rem; }
.rid a { color: var(--text); text-decoration: none; }
.rid a:hover { text-decoration: underline; }
.statement { margin: .35rem 0 .45rem; font-size: 1.0625rem; max-width: 56rem; }
dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: .1rem 1rem; margin: 0;
           font-size: .875rem; }
dl.facts dt { color: var(--muted); }
dl.facts dd { margin: 0; }
.sid { color: var(--muted); font-weight: normal; margin-right: .3rem; }
.intro { max-width: 56rem; }
ul.references { list-style: none; padding: 0; }
ul.references li { margin: .5rem 0; padding-left: 1.5rem; text-indent: -1.5rem; }
dl.definitions dt { font-weight: bold; }
dl.definitions dd { margin: 0 0 .5rem 1.5rem; max-width: 56rem; }
.meta, .designation { color: var(--muted); }
figure.chart { margin: 1.25rem 0 1.75rem; }
figure.chart figcaption { margin-bottom: .6rem; max-width: 56rem; font-size: .9375rem; }
figure.chart figcaption strong { display: block; font-size: 1.05rem; }
.chart-svg { display: block; max-width: 100%; height: auto; }
.chart-svg .link { cursor: pointer; }
.chart-svg text.link:hover { text-decoration: underline; }
.chart-svg g.link:hover rect { stroke-width: 2.5; }
details.chart-data { margin-top: .4rem; font-size: .875rem; }
details.chart-data summary { cursor: pointer; color: var(--blue); }
table.source tbody th { width: 1%; color: var(--muted); text-align: right; font-weight: normal;
                        font-family: "Liberation Mono", "DejaVu Sans Mono", Consolas, monospace;
                        font-size: .875rem; }
table.source td code { white-space: pre-wrap; }
table.source td, table.source tbody th { padding: 0 .6rem; border: 0; }
tr.has-finding td, tr.has-finding th { background: #fbecea; }
ins { background: #e1f1e4; text-decoration: underline; }
del { background: #fbe7e5; }
ul.changes { list-style: none; padding: 0; }
li.change { padding: .3rem 0; border-bottom: 1px solid var(--soft); }
li.change .kind { margin-right: .35rem; padding: 0 .35rem; font-size: .75rem; color: var(--muted);
                  border: 1px solid var(--line); border-radius: 3px; }
.words { color: var(--muted); }
.version-note { padding: .4rem .75rem; background: var(--panel); border-radius: 4px; }
table.conformance tbody th, table.conformance td:nth-child(3),
table.conformance td:nth-child(4) { white-space: nowrap; }
.verdict { font-weight: bold; }
.verdict.meets { color: var(--green); }
.verdict.tightens { color: var(--teal); }
.verdict.weakens { color: var(--orange); }
.verdict.missing { color: var(--red); }
.verdict.left-out { color: var(--muted); font-weight: normal; }
tr.verdict-weakens th:first-child { box-shadow: inset 4px 0 var(--orange); }
tr.verdict-missing th:first-child { box-shadow: inset 4px 0 var(--red); }
.reason { color: var(--muted); font-size: .8125rem; }
footer.site { max-width: 72rem; margin: 0 auto; padding: 1rem 1.5rem 2rem; color: var(--muted);
              font-size: .875rem; border-top: 1px solid var(--soft); }
@media (max-width: 44rem) {
  form.search input { width: 11rem; }
  .intro-row { grid-template-columns: 1fr; }
}
@media print {
  @page { size: A4; margin: 18mm 16mm 20mm;
          @bottom-center { content: counter(page) " / " counter(pages); font-size: 9pt; } }
  body { font-size: 10pt; }
  header.site, .search-results, .skip, nav.crumbs, nav.contents, details.chart-data, ul.sections,
  footer.site { display: none !important; }
  main { max-width: none; padding: 0; }
  .intro-row, .glance { display: block; }
  a { color: inherit; text-decoration: none; }
  h1, h2, h3, h4, h5, h6 { break-after: avoid; }
  h2 { margin-top: 1.25rem; }
  article.requirement, figure.chart, .finding, tr, ul.references li { break-inside: avoid; }
  article.requirement { margin: .3rem 0; padding: .15rem .6rem; border: 0;
                        border-left: 3px solid #c4c9d0; border-radius: 0; }
  .badge.mandatory, .badge.recommended { background: none; color: var(--text);
                                         border: 1px solid var(--text); }
  .finding { background: none; }
  thead { display: table-header-group; }
}
)css";

const std::string_view k_script =
    R"js(// The site's script: a click on a chart's node or label follows it, and the search over the
// ids and texts of every spec and requirement. The index is search-index.js
// (window.leaspecSearch: [page, anchor, id, text, spec] per entry). The pages work without it.
document.addEventListener("click", function (event) {
  var target = event.target.closest ? event.target.closest("[data-href]") : null;
  if (target) {
    window.location.href = target.getAttribute("data-href");
  }
});
(function () {
  "use strict";
  var form = document.querySelector("form.search");
  var input = document.getElementById("search");
  var panel = document.getElementById("search-results");
  var entries = window.leaspecSearch || [];
  if (!form || !input || !panel) {
    return;
  }
  var limit = 50;
  function fold(text) {
    return text.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase();
  }
  var ids = entries.map(function (e) { return fold(e[2]); });
  var texts = entries.map(function (e) { return fold(e[2] + " " + e[3] + " " + e[4]); });
  function matches(query) {
    var words = fold(query).split(/\s+/).filter(Boolean);
    var exact = [], other = [];
    if (!words.length) {
      return null;
    }
    entries.forEach(function (entry, i) {
      if (words.every(function (w) { return texts[i].indexOf(w) >= 0; })) {
        (ids[i].indexOf(words[0]) === 0 ? exact : other).push(entry);
      }
    });
    return exact.concat(other);
  }
  function item(entry) {
    var li = document.createElement("li");
    var link = document.createElement("a");
    link.href = entry[0] + (entry[1] ? "#" + entry[1] : "");
    link.textContent = entry[2];
    li.appendChild(link);
    if (entry[3]) {
      li.appendChild(document.createTextNode(" " + entry[3]));
    }
    var where = document.createElement("span");
    where.className = "in";
    where.textContent = " (" + entry[4] + ")";
    li.appendChild(where);
    return li;
  }
  function show(query) {
    var found = matches(query);
    panel.textContent = "";
    if (!found) {
      panel.hidden = true;
      return;
    }
    var status = document.createElement("p");
    status.className = "status";
    status.setAttribute("role", "status");
    status.textContent = found.length === 0 ? "No match." :
      found.length + (found.length === 1 ? " match" : " matches") +
      (found.length > limit ? "; the first " + limit + " are shown." : ".");
    panel.appendChild(status);
    var list = document.createElement("ol");
    found.slice(0, limit).forEach(function (entry) { list.appendChild(item(entry)); });
    panel.appendChild(list);
    panel.hidden = false;
  }
  form.hidden = false;
  input.addEventListener("input", function () { show(input.value); });
  input.addEventListener("keydown", function (event) {
    if (event.key === "Escape") {
      input.value = "";
      show("");
    }
  });
  form.addEventListener("submit", function (event) {
    event.preventDefault();
    var first = panel.querySelector("ol a");
    if (first) {
      window.location.href = first.href;
    }
  });
  var query = new URLSearchParams(window.location.search).get("q");
  if (query) {
    input.value = query;
    show(query);
  }
})();
)js";

}  // namespace leaspec::site
