#include <cerrno>
#include <cstdio>
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

void print_diagnostics(const DiagnosticSink& sink, const SourceFile* source) {
  report::Context context;
  context.source = [source](const std::string& path) {
    return source && source->path() == path ? source : nullptr;
  };
  context.colour = use_colour(stderr);
  std::cout.flush();
  std::cerr << report::render_text(sink.diagnostics(), context);
}

std::optional<check::LoadedSpec> load_spec(const std::string& path) {
  DiagnosticSink sink;
  auto checker = check::Checker::create({}, sink);
  if (!checker) {
    print_diagnostics(sink, nullptr);
    throw Error("the bundled spec schema does not compile");
  }
  std::optional<check::LoadedSpec> loaded = checker->load(path, sink);
  if (!sink.diagnostics().empty()) {
    print_diagnostics(sink, loaded ? loaded->source.get() : nullptr);
  }
  return loaded;
}

}  // namespace leaspec::cli
