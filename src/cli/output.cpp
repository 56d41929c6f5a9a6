#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <iostream>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <fmt/format.h>

#include "cli/app.hpp"
#include "cli/output.hpp"
#include "leaspec/report.hpp"

namespace leaspec::cli {
namespace fs = std::filesystem;

void write_output(const std::string& path, std::string_view bytes) {
  if (path == "-") {
    std::cout.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    std::cout.flush();
    if (!std::cout) {
      throw Error("cannot write to standard output");
    }
    return;
  }
  fs::path target(path);
  fs::path folder = target.has_parent_path() ? target.parent_path() : fs::path(".");
  std::string pattern = (folder / fmt::format(".{}.XXXXXX", target.filename().string())).string();
  int fd = mkstemp(pattern.data());
  if (fd < 0) {
    throw Error(fmt::format("cannot write {}: {}", path, std::strerror(errno)));
  }
  auto fail = [&](const char* what) {
    int error = errno;
    close(fd);
    unlink(pattern.c_str());
    throw Error(fmt::format("cannot {} {}: {}", what, path, std::strerror(error)));
  };
  mode_t mask = umask(0);
  umask(mask);
  if (fchmod(fd, static_cast<mode_t>(0666 & ~mask)) != 0) {
    fail("set the permissions of");
  }
  std::size_t written = 0;
  while (written < bytes.size()) {
    ssize_t n = ::write(fd, bytes.data() + written, bytes.size() - written);
    if (n < 0) {
      if (errno == EINTR) {
        continue;
      }
      fail("write");
    }
    written += static_cast<std::size_t>(n);
  }
  if (fsync(fd) != 0) {
    fail("write");
  }
  if (close(fd) != 0) {
    int error = errno;
    unlink(pattern.c_str());
    throw Error(fmt::format("cannot write {}: {}", path, std::strerror(error)));
  }
  if (std::rename(pattern.c_str(), path.c_str()) != 0) {
    int error = errno;
    unlink(pattern.c_str());
    throw Error(fmt::format("cannot write {}: {}", path, std::strerror(error)));
  }
}

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

Session::Session() : m_time(text::parse_source_date_epoch(std::getenv("SOURCE_DATE_EPOCH"))) {}

const check::Checker& Session::checker() {
  if (!m_checker) {
    DiagnosticSink sink;
    m_checker = check::Checker::create({}, sink);
    if (!m_checker) {
      print_diagnostics(sink.diagnostics(), {});
      throw Error("the bundled spec schema does not compile");
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
  return checked;
}

}  // namespace leaspec::cli
