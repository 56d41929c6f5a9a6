#include <cstdlib>
#include <iostream>

#include <malloc.h>

#include "cli/app.hpp"
#include "cli/output.hpp"
#include "leaspec/report.hpp"

namespace leaspec::cli {

void print_diagnostics(const std::vector<Diagnostic>& diagnostics,
                       const std::vector<const SourceFile*>& sources) {
  report::Context context;
  context.source = [&sources](const std::string& path) -> const SourceFile* {
    for (const SourceFile* source : sources) {
      if (source && source->path() == path) {
        return source;
      }
    }
    return nullptr;
  };
  context.colour = use_colour(stderr);
  std::cout.flush();
  std::cerr << report::render_text(diagnostics, context);
}

void return_freed_memory() {
  malloc_trim(0);
}

Session::Session(check::Options options)
    : m_time(text::parse_source_date_epoch(std::getenv("SOURCE_DATE_EPOCH"))),
      m_options(std::move(options)) {}

const check::Checker& Session::checker() {
  if (!m_checker) {
    DiagnosticSink sink;
    m_checker = check::Checker::create(m_options, sink);
    if (!m_checker) {
      print_diagnostics(sink.diagnostics(), {});
      throw Error(m_options.standard_files.empty()
                      ? "the bundled spec schema does not compile"
                      : "a standard given with --standard has errors or is no standard");
    }
  }
  return *m_checker;
}

std::optional<check::CheckedSpec> Session::load(const std::string& path) {
  DiagnosticSink sink;
  check::CheckedSpec checked = checker().load(path, sink);
  if (!sink.diagnostics().empty()) {
    print_diagnostics(sink.diagnostics(), {checked.source.get()});
  }
  if (checked.has_errors) {
    return std::nullopt;
  }
  // Commands build on the model and the source text; the tree is the largest part of a
  // loaded spec and nothing refers to it any more.
  checked.document = {};
  return_freed_memory();
  return checked;
}

}  // namespace leaspec::cli
