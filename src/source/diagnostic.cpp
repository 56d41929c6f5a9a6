#include <algorithm>

#include <fmt/format.h>

#include "leaspec/source.hpp"

namespace leaspec {

std::string_view to_string(Severity severity) {
  switch (severity) {
    case Severity::error:
      return "error";
    case Severity::warning:
      return "warning";
    case Severity::note:
      return "note";
  }
  return "error";
}

void DiagnosticSink::report(Diagnostic diagnostic) {
  m_diagnostics.push_back(std::move(diagnostic));
}

std::size_t DiagnosticSink::count(Severity severity) const {
  return static_cast<std::size_t>(
      std::count_if(m_diagnostics.begin(), m_diagnostics.end(),
                    [severity](const Diagnostic& d) { return d.severity == severity; }));
}

void DiagnosticSink::sort_by_position() {
  std::stable_sort(m_diagnostics.begin(), m_diagnostics.end(),
                   [](const Diagnostic& a, const Diagnostic& b) {
                     if (a.file != b.file) {
                       return a.file < b.file;
                     }
                     return a.position < b.position;
                   });
}

void DiagnosticSink::limit(std::size_t max, const std::string& file) {
  if (m_diagnostics.size() > max) {
    m_omitted += m_diagnostics.size() - max;
    m_diagnostics.resize(max);
  }
  if (m_omitted > 0) {
    m_diagnostics.push_back({Severity::note,
                             "max-findings",
                             fmt::format("{} more finding{} not shown; at most {} are shown "
                                         "per file (--max-findings)",
                                         m_omitted, m_omitted == 1 ? " is" : "s are", max),
                             file,
                             {},
                             ""});
  }
}

}  // namespace leaspec
