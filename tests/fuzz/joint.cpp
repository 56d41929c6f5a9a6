// Fuzzes merge and diff: the input is two specs (see fuzz::split); when both pass the
// checker they are merged (joint spec, report, conflicts) and diffed (changes, corrigendum).
#include "leaspec/joint.hpp"
#include "fuzz.hpp"
#include "leaspec/catalog.hpp"
#include "leaspec/doc.hpp"
#include "leaspec/export.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace leaspec;
  auto [first_text, second_text] = fuzz::split(fuzz::as_text(data, size));
  check::CheckedSpec first = fuzz::check_text(std::move(first_text), "first.yaml");
  if (!first.model) {
    return 0;
  }
  check::CheckedSpec second = fuzz::check_text(std::move(second_text), "second.yaml");
  if (!second.model) {
    return 0;
  }
  const catalog::Units& units = catalog::Units::bundled();
  doc::Context context{doc::Strings::get("en"), catalog::Catalogs::bundled(), "", "", {}};
  for (joint::Prefer prefer : {joint::Prefer::fail, joint::Prefer::strictest}) {
    joint::MergeResult merged = joint::merge({&*first.model, &*second.model}, {prefer, ""}, units);
    (void)joint::conflict_diagnostics(merged);
    (void)exports::merge_report_json(merged);
    fuzz::render_all(doc::build_merge_report(merged, context));
    if (merged.conflicts() == 0) {
      (void)fuzz::check_text(joint::to_yaml(merged), "joint.yaml");
    }
  }
  std::vector<joint::Change> changes = joint::diff(*first.model, *second.model, units);
  (void)exports::diff_json(changes);
  fuzz::render_all(doc::build_corrigendum(changes, *first.model, *second.model, context));
  return 0;
}
