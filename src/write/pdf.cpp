// PDF through LibreOffice headless. soffice exits 0 even when it converts nothing, so the
// PDF it writes is what tells; it runs with a profile of its own, in its own process group,
// and is killed when it exceeds the time limit.
#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <optional>
#include <sstream>
#include <thread>

#include <fmt/format.h>

#include "leaspec/source.hpp"
#include "leaspec/write.hpp"

extern char** environ;  // NOLINT(readability-redundant-declaration): for posix_spawn

namespace leaspec::write {
namespace {

namespace fs = std::filesystem;

constexpr auto k_time_limit = std::chrono::seconds(300);

/// The first of `names` that is an executable file in a folder of PATH.
std::optional<std::string> find_program(std::initializer_list<std::string_view> names) {
  const char* path = std::getenv("PATH");  // NOLINT(concurrency-mt-unsafe): read-only use
  std::string_view folders = path ? path : "";
  for (std::string_view name : names) {
    std::size_t start = 0;
    while (start <= folders.size()) {
      std::size_t end = folders.find(':', start);
      std::string_view folder =
          folders.substr(start, end == std::string_view::npos ? folders.npos : end - start);
      std::string candidate = fmt::format("{}/{}", folder.empty() ? "." : folder, name);
      if (access(candidate.c_str(), X_OK) == 0 && fs::is_regular_file(candidate)) {
        return candidate;
      }
      if (end == std::string_view::npos) {
        break;
      }
      start = end + 1;
    }
  }
  return std::nullopt;
}

/// A temporary folder, removed with everything in it.
class TemporaryFolder {
 public:
  TemporaryFolder() {
    std::error_code error;
    fs::path base = fs::temp_directory_path(error);
    std::string pattern = (error ? fs::path("/tmp") : base).string() + "/leaspec-pdf-XXXXXX";
    if (!mkdtemp(pattern.data())) {
      throw Error(
          fmt::format("cannot create a temporary folder for the PDF: {}", std::strerror(errno)));
    }
    m_path = pattern;
  }
  TemporaryFolder(const TemporaryFolder&) = delete;
  TemporaryFolder& operator=(const TemporaryFolder&) = delete;
  ~TemporaryFolder() {
    std::error_code ignored;
    fs::remove_all(m_path, ignored);
  }
  const fs::path& path() const { return m_path; }

 private:
  fs::path m_path;
};

void write_file(const fs::path& path, std::string_view bytes) {
  std::ofstream out(path, std::ios::binary);
  out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  if (!out.flush()) {
    throw Error(fmt::format("cannot write {} for LibreOffice", path.string()));
  }
}

std::string read_bytes(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream bytes;
  bytes << in.rdbuf();
  return bytes.str();
}

/// The last lines LibreOffice printed, for an error message.
std::string log_tail(const fs::path& log) {
  std::string text = read_bytes(log);
  while (!text.empty() && (text.back() == '\n' || text.back() == ' ')) {
    text.pop_back();
  }
  if (text.size() > 400) {
    text = "..." + text.substr(text.size() - 400);
  }
  return text.empty() ? "" : ": " + text;
}

/// Runs soffice with `arguments`, its output into `log`; the exit status, or nullopt when it
/// exceeded the time limit and was killed with its process group.
std::optional<int> run(const std::string& program, const std::vector<std::string>& arguments,
                       const fs::path& log) {
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, STDIN_FILENO, "/dev/null", O_RDONLY, 0);
  posix_spawn_file_actions_addopen(&actions, STDOUT_FILENO, log.c_str(),
                                   O_WRONLY | O_CREAT | O_TRUNC, 0600);
  posix_spawn_file_actions_adddup2(&actions, STDOUT_FILENO, STDERR_FILENO);
  posix_spawnattr_t attributes;
  posix_spawnattr_init(&attributes);
  posix_spawnattr_setflags(&attributes, POSIX_SPAWN_SETPGROUP);
  posix_spawnattr_setpgroup(&attributes, 0);
  std::vector<std::string> storage{program};
  storage.insert(storage.end(), arguments.begin(), arguments.end());
  std::vector<char*> argv;
  argv.reserve(storage.size() + 1);
  for (std::string& argument : storage) {
    argv.push_back(argument.data());
  }
  argv.push_back(nullptr);
  pid_t pid = 0;
  int spawned = posix_spawn(&pid, program.c_str(), &actions, &attributes, argv.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  posix_spawnattr_destroy(&attributes);
  if (spawned != 0) {
    throw Error(fmt::format("cannot run {}: {}", program, std::strerror(spawned)));
  }
  auto deadline = std::chrono::steady_clock::now() + k_time_limit;
  int status = 0;
  while (true) {
    pid_t done = waitpid(pid, &status, WNOHANG);
    if (done == pid) {
      break;
    }
    if (done < 0 && errno != EINTR) {
      throw Error(fmt::format("cannot wait for {}: {}", program, std::strerror(errno)));
    }
    if (std::chrono::steady_clock::now() > deadline) {
      kill(-pid, SIGKILL);
      waitpid(pid, &status, 0);
      return std::nullopt;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  kill(-pid, SIGKILL);  // a helper process left behind would hold the profile
  return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
}

}  // namespace

std::string render_pdf(const doc::Document& document) {
  bool workbook = document.kind == doc::DocumentKind::matrix;
  std::string_view package = workbook ? "libreoffice-calc-nogui" : "libreoffice-writer-nogui";
  std::optional<std::string> soffice = find_program({"soffice", "libreoffice"});
  if (!soffice) {
    throw Error(fmt::format(
        "PDF is made by LibreOffice, which is not installed (no soffice on the PATH); install "
        "the package {}",
        package));
  }
  TemporaryFolder folder;
  fs::path input = folder.path() / (workbook ? "document.xlsx" : "document.odt");
  write_file(input, workbook ? render_xlsx(document) : render_odt(document));
  fs::path output = folder.path() / "pdf";
  fs::path log = folder.path() / "soffice.log";
  std::optional<int> status =
      run(*soffice,
          {"--headless", "--invisible", "--norestore", "--nolockcheck", "--nodefault", "--nologo",
           "-env:UserInstallation=file://" + (folder.path() / "profile").string(), "--convert-to",
           "pdf", "--outdir", output.string(), input.string()},
          log);
  if (!status) {
    throw Error(fmt::format("LibreOffice did not convert the document to PDF within {} seconds",
                            k_time_limit.count()));
  }
  if (*status != 0) {
    throw Error(fmt::format("LibreOffice failed to convert the document to PDF (exit status {}){}",
                            *status, log_tail(log)));
  }
  std::string pdf = read_bytes(output / "document.pdf");
  if (pdf.compare(0, 5, "%PDF-") != 0 || pdf.find("%%EOF") == std::string::npos) {
    throw Error(fmt::format("LibreOffice wrote no PDF{}; check that the package {} is installed",
                            log_tail(log), package));
  }
  return pdf;
}

}  // namespace leaspec::write
