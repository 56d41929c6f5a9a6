// Output files: what may be written (regular files only, never an input, never through a
// symbolic link), the atomic write that keeps an existing file's mode and owner, and the
// removal of the temporary file when a signal ends the run mid-write.
#include <array>
#include <atomic>
#include <cerrno>
#include <csignal>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <functional>
#include <iostream>
#include <mutex>
#include <optional>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <fmt/format.h>

#include "cli/output.hpp"

namespace leaspec::cli {
namespace fs = std::filesystem;

namespace testing {
void (*g_partial_write_hook)(const std::string& temporary) = nullptr;
}  // namespace testing

namespace {

/// The signals that end a run and after which no temporary file may stay behind.
constexpr std::array k_cleanup_signals = {SIGINT, SIGTERM, SIGHUP, SIGXFSZ};

/// One temporary file being written; the handler may read it at any moment, so the path is
/// a fixed array and `state` says whether it is free (0), being filled (1) or in use (2).
struct TemporarySlot {
  std::atomic<int> state{0};
  std::array<char, 4096> path{};
};
static_assert(std::atomic<int>::is_always_lock_free, "the signal handler needs lock-free atomics");

constexpr std::size_t k_temporary_slots = 8;
std::array<TemporarySlot, k_temporary_slots> g_temporaries;

/// Removes every temporary file in use, then lets the signal do what it does by default
/// (the disposition was reset on entry), so the exit status is the conventional one.
/// Only async-signal-safe calls: unlink and raise.
extern "C" void remove_temporaries_and_reraise(int signal) {
  for (TemporarySlot& slot : g_temporaries) {
    if (slot.state.load() == 2) {
      unlink(slot.path.data());
    }
  }
  std::raise(signal);
}

/// Installs the handler once, for each signal that is not ignored (nohup keeps SIGHUP
/// ignored).
void install_handlers() {
  static std::once_flag once;
  std::call_once(once, [] {
    struct sigaction action {};
    action.sa_handler = remove_temporaries_and_reraise;
    action.sa_flags = static_cast<int>(SA_RESETHAND);
    sigemptyset(&action.sa_mask);
    for (int signal : k_cleanup_signals) {
      sigaddset(&action.sa_mask, signal);
    }
    for (int signal : k_cleanup_signals) {
      struct sigaction previous {};
      if (sigaction(signal, nullptr, &previous) == 0 && previous.sa_handler != SIG_IGN) {
        sigaction(signal, &action, nullptr);
      }
    }
  });
}

/// Blocks the cleanup signals while it lives, so that creating and registering a temporary
/// file (or renaming and releasing it) happens as one step for the handler.
class SignalsBlocked {
 public:
  SignalsBlocked() {
    sigset_t set;
    sigemptyset(&set);
    for (int signal : k_cleanup_signals) {
      sigaddset(&set, signal);
    }
    pthread_sigmask(SIG_BLOCK, &set, &m_previous);
  }
  ~SignalsBlocked() { pthread_sigmask(SIG_SETMASK, &m_previous, nullptr); }
  SignalsBlocked(const SignalsBlocked&) = delete;
  SignalsBlocked& operator=(const SignalsBlocked&) = delete;

 private:
  sigset_t m_previous{};
};

/// A temporary file beside the output, registered for removal by the signal handler and
/// removed when it goes out of scope unless it was renamed into place.
class TemporaryFile {
 public:
  TemporaryFile(const std::string& output, const fs::path& folder) {
    install_handlers();
    m_path = (folder / fmt::format(".{}.XXXXXX", fs::path(output).filename().string())).string();
    SignalsBlocked blocked;
    m_fd = mkostemp(m_path.data(), O_CLOEXEC);
    if (m_fd < 0) {
      throw FileError(output, describe_errno(errno), "write");
    }
    for (TemporarySlot& slot : g_temporaries) {
      int expected = 0;
      if (m_path.size() < slot.path.size() && slot.state.compare_exchange_strong(expected, 1)) {
        std::memcpy(slot.path.data(), m_path.c_str(), m_path.size() + 1);
        slot.state.store(2);
        m_slot = &slot;
        break;
      }
    }
  }
  ~TemporaryFile() {
    if (m_fd >= 0) {
      close(m_fd);
    }
    SignalsBlocked blocked;
    if (!m_renamed) {
      unlink(m_path.c_str());
    }
    release();
  }
  TemporaryFile(const TemporaryFile&) = delete;
  TemporaryFile& operator=(const TemporaryFile&) = delete;

  int fd() const { return m_fd; }
  const std::string& path() const { return m_path; }

  /// Closes the file, reporting a failure as a failure to write `output`.
  void close_file(const std::string& output) {
    int fd = m_fd;
    m_fd = -1;
    if (close(fd) != 0) {
      throw FileError(output, describe_errno(errno), "write");
    }
  }

  /// Renames the file to `output`; from then on it is no longer temporary.
  void rename_to(const std::string& output) {
    SignalsBlocked blocked;
    if (std::rename(m_path.c_str(), output.c_str()) != 0) {
      throw FileError(output, describe_errno(errno), "write");
    }
    m_renamed = true;
    release();
  }

 private:
  void release() {
    if (m_slot) {
      m_slot->state.store(0);
      m_slot = nullptr;
    }
  }

  std::string m_path;
  int m_fd = -1;
  bool m_renamed = false;
  TemporarySlot* m_slot = nullptr;
};

/// The folder an output goes to.
fs::path folder_of(const std::string& path) {
  fs::path target(path);
  return target.has_parent_path() ? target.parent_path() : fs::path(".");
}

/// Whether a path names a folder by its spelling alone: `dir/`, `.`, `..`.
bool names_folder(const std::string& path) {
  std::string name = fs::path(path).filename().string();
  return path.back() == '/' || name == "." || name == "..";
}

/// Checks that `path` may be written as an output file and returns what is there now: the
/// status of an existing regular file, or nothing. Throws FileError for a folder, a device,
/// a FIFO, a socket, a symbolic link, a read-only file or a folder that does not exist.
std::optional<struct stat> check_target(const std::string& path) {
  if (path.empty()) {
    throw Error("the output file name is empty");
  }
  if (names_folder(path)) {
    throw FileError(path, "it names a folder; give the name of a file in it", "write");
  }
  struct stat info {};
  if (lstat(path.c_str(), &info) == 0) {
    if (S_ISLNK(info.st_mode)) {
      std::error_code error;
      fs::path target = fs::read_symlink(path, error);
      throw FileError(path,
                      fmt::format("it is a symbolic link (to {}); leaspec does not write through "
                                  "symbolic links: name the file itself",
                                  target.string()),
                      "write");
    }
    if (S_ISDIR(info.st_mode)) {
      throw FileError(path, "it is a folder; give the name of a file in it", "write");
    }
    if (!S_ISREG(info.st_mode)) {
      throw FileError(path, not_regular_file(info.st_mode), "write");
    }
    if (faccessat(AT_FDCWD, path.c_str(), W_OK, AT_EACCESS) != 0) {
      throw FileError(path, describe_errno(errno) + " (the file is not writable)", "write");
    }
    return info;
  }
  if (errno != ENOENT) {
    throw FileError(path, describe_errno(errno), "write");
  }
  std::string folder = folder_of(path).string();
  struct stat folder_info {};
  if (stat(folder.c_str(), &folder_info) != 0) {
    throw FileError(path,
                    errno == ENOENT
                        ? fmt::format("the folder {} does not exist", folder)
                        : fmt::format("the folder {}: {}", folder, describe_errno(errno)),
                    "write");
  }
  if (!S_ISDIR(folder_info.st_mode)) {
    throw FileError(path, fmt::format("{} is not a folder", folder), "write");
  }
  return std::nullopt;
}

/// Gives the new file the owner, group and permission bits of the file it replaces (the
/// owner only where the system permits it), or 0666 less the umask for a new file.
void keep_owner_and_mode(int fd, const std::optional<struct stat>& existing,
                         const std::string& path) {
  mode_t mode = 0;
  if (existing) {
    struct stat own {};
    if (fstat(fd, &own) == 0 &&
        (own.st_uid != existing->st_uid || own.st_gid != existing->st_gid)) {
      if (fchown(fd, existing->st_uid, existing->st_gid) != 0) {
        static_cast<void>(fchown(fd, static_cast<uid_t>(-1), existing->st_gid));
      }
    }
    mode = existing->st_mode & 0777;
  } else {
    mode_t mask = umask(0);
    umask(mask);
    mode = 0666 & ~mask;
  }
  if (fchmod(fd, mode) != 0) {
    throw FileError(path, describe_errno(errno), "set the permissions of");
  }
}

/// Writes all of `bytes` to the file, retrying after interruptions.
void write_all(const TemporaryFile& file, std::string_view bytes, const std::string& path) {
  std::size_t written = 0;
  while (written < bytes.size()) {
    std::size_t chunk = std::min<std::size_t>(bytes.size() - written, 1u << 20);
    ssize_t n = ::write(file.fd(), bytes.data() + written, chunk);
    if (n < 0 && errno == EINTR) {
      continue;
    }
    if (n < 0) {
      throw FileError(path, describe_errno(errno), "write");
    }
    written += static_cast<std::size_t>(n);
  }
}

/// Makes a rename durable: the folder's entry reaches the disk too. Best effort.
void sync_folder(const fs::path& folder) {
  int fd = open(folder.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd >= 0) {
    static_cast<void>(fsync(fd));
    close(fd);
  }
}

/// The identity of an existing file (device and inode, following symbolic links).
std::optional<std::pair<dev_t, ino_t>> identity(const std::string& path) {
  struct stat info {};
  if (path == "-" || stat(path.c_str(), &info) != 0) {
    return std::nullopt;
  }
  return std::pair{info.st_dev, info.st_ino};
}

/// Whether two outputs name the same file: the same inode when they exist, else the same
/// absolute path once the folders on the way are resolved.
bool same_output(const std::string& a, const std::string& b) {
  if (a == "-" || b == "-") {
    return a == b;
  }
  auto first = identity(a);
  auto second = identity(b);
  if (first || second) {
    return first == second;
  }
  std::error_code error;
  return fs::weakly_canonical(fs::absolute(a), error) ==
         fs::weakly_canonical(fs::absolute(b), error);
}

}  // namespace

void check_outputs(const std::vector<std::string>& inputs, const std::vector<OutputPath>& outputs) {
  for (std::size_t i = 0; i < outputs.size(); ++i) {
    const std::string& path = outputs[i].path;
    if (path != "-") {
      check_target(path);
    }
    auto output = identity(path);
    for (const std::string& input : inputs) {
      if (output && output == identity(input)) {
        throw FileError(path,
                        fmt::format("it is the input {}; write the output to another file", input),
                        "write");
      }
    }
    for (std::size_t j = 0; j < i; ++j) {
      if (same_output(outputs[j].path, path)) {
        throw Error(fmt::format("{} and {} name the same file, {}", outputs[j].option,
                                outputs[i].option, path));
      }
    }
  }
}

void write_output_with(const std::string& path,
                       const std::function<void(const text::Sink&)>& produce) {
  if (path == "-") {
    produce([](std::string_view bytes) {
      std::cout.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    });
    std::cout.flush();
    if (!std::cout) {
      throw Error("cannot write to standard output");
    }
    return;
  }
  std::optional<struct stat> existing = check_target(path);
  TemporaryFile file(path, folder_of(path));
  keep_owner_and_mode(file.fd(), existing, path);
  bool hooked = false;
  produce([&](std::string_view bytes) {
    write_all(file, bytes, path);
    if (!hooked && testing::g_partial_write_hook) {
      hooked = true;
      testing::g_partial_write_hook(file.path());
    }
  });
  if (fsync(file.fd()) != 0) {
    throw FileError(path, describe_errno(errno), "write");
  }
  file.close_file(path);
  file.rename_to(path);
  sync_folder(folder_of(path));
}

void write_output(const std::string& path, std::string_view bytes) {
  // In two halves, so that the tests' hook runs with half of the file written.
  write_output_with(path, [bytes](const text::Sink& sink) {
    sink(bytes.substr(0, bytes.size() / 2));
    sink(bytes.substr(bytes.size() / 2));
  });
}

}  // namespace leaspec::cli
