// Fuzzes the generators on specs that pass the checker: every document kind in every format
// it has (PDF aside: LibreOffice writes it), and the JSON, ReqIF and OCDS exports.
#include "fuzz.hpp"
#include "leaspec/catalog.hpp"
#include "leaspec/doc.hpp"
#include "leaspec/export.hpp"
#include "leaspec/write.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace leaspec;
  check::CheckedSpec checked = fuzz::check_text(std::string(fuzz::as_text(data, size)));
  if (!checked.model) {
    return 0;
  }
  const spec::Spec& spec = *checked.model;
  const catalog::Catalogs& catalogs = catalog::Catalogs::bundled();
  doc::Context context{doc::Strings::get("en"), catalogs, "0", "fuzz.yaml", {}};
  fuzz::render_all(doc::build_annex(spec, context));
  fuzz::render_all(doc::build_standard(spec, context));
  fuzz::render_all(doc::build_matrix(spec, context));
  exports::Source source{"fuzz.yaml", "0", exports::export_timestamp(spec, {})};
  (void)exports::to_json(spec, source, catalogs);
  (void)exports::to_reqif(spec, source);
  (void)exports::to_ocds(spec, source, "ocds-fuzz", catalogs, exports::OcdsVersion::v1_1);
  (void)exports::to_ocds(spec, source, "ocds-fuzz", catalogs, exports::OcdsVersion::v1_2);
  return 0;
}
