// When each requirement of a spec last changed: `git blame --porcelain` on the spec file, run
// as a command when git is installed, each requirement's lines mapped to the committer time
// of the commits that last changed them; without git, the fallback time.
#include <algorithm>
#include <cerrno>
#include <ctime>
#include <filesystem>
#include <optional>

#include <fcntl.h>
#include <spawn.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <fmt/format.h>

#include "leaspec/export.hpp"

extern char** environ;

namespace leaspec::exports {
namespace {

/// The most output a git command may give before it is abandoned.
constexpr std::size_t k_max_output = 256u << 20;

/// ISO 8601 UTC of seconds since the epoch.
std::string iso8601(std::int64_t seconds) {
  text::Timestamp time{seconds};
  return time.iso8601();
}

/// Standard output of a command run without a shell, or nullopt when it cannot run or does
/// not exit with 0. Standard input and error are /dev/null.
std::optional<std::string> run_command(const std::vector<std::string>& arguments) {
  int pipe_fds[2];
  if (pipe2(pipe_fds, O_CLOEXEC) != 0) {
    return std::nullopt;
  }
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0);
  posix_spawn_file_actions_adddup2(&actions, pipe_fds[1], 1);
  posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0);
  std::vector<char*> argv;
  argv.reserve(arguments.size() + 1);
  for (const std::string& argument : arguments) {
    argv.push_back(const_cast<char*>(argument.c_str()));
  }
  argv.push_back(nullptr);
  pid_t pid = 0;
  int spawned = posix_spawnp(&pid, argv[0], &actions, nullptr, argv.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  close(pipe_fds[1]);
  if (spawned != 0) {
    close(pipe_fds[0]);
    return std::nullopt;
  }
  std::string output;
  char buffer[65536];
  bool too_much = false;
  while (true) {
    ssize_t n = read(pipe_fds[0], buffer, sizeof buffer);
    if (n < 0 && errno == EINTR) {
      continue;
    }
    if (n <= 0) {
      break;
    }
    if (output.size() + static_cast<std::size_t>(n) > k_max_output) {
      too_much = true;
      break;
    }
    output.append(buffer, static_cast<std::size_t>(n));
  }
  close(pipe_fds[0]);
  int status = 0;
  while (waitpid(pid, &status, 0) < 0 && errno == EINTR) {
  }
  if (too_much || !WIFEXITED(status) || WEXITSTATUS(status) != 0) {
    return std::nullopt;
  }
  return output;
}

/// The committer time of the commit that last changed each line of a file, by 1-based line
/// (index 0 unused); nullopt for lines not committed. Empty when git cannot tell.
std::vector<std::optional<std::int64_t>> blame(const std::string& path) {
  std::filesystem::path file(path);
  std::string folder = file.has_parent_path() ? file.parent_path().string() : ".";
  auto output =
      run_command({"git", "-C", folder, "blame", "--porcelain", "--", file.filename().string()});
  if (!output) {
    return {};
  }
  std::map<std::string, std::int64_t, std::less<>> committed;
  std::vector<std::pair<std::uint32_t, std::string>> lines;
  std::string current;
  std::size_t start = 0;
  while (start < output->size()) {
    std::size_t end = output->find('\n', start);
    if (end == std::string::npos) {
      end = output->size();
    }
    std::string_view line = std::string_view(*output).substr(start, end - start);
    start = end + 1;
    if (line.empty() || line[0] == '\t') {
      continue;
    }
    if (line.size() > 41 && line[40] == ' ' &&
        line.substr(0, 40).find_first_not_of("0123456789abcdef") == std::string_view::npos) {
      current = std::string(line.substr(0, 40));
      std::size_t second = line.find(' ', 41);
      std::size_t third = second == std::string_view::npos ? second : line.find(' ', second + 1);
      if (second != std::string_view::npos) {
        std::string_view number = line.substr(second + 1, third - second - 1);
        lines.emplace_back(static_cast<std::uint32_t>(std::stoul(std::string(number))), current);
      }
    } else if (line.rfind("committer-time ", 0) == 0) {
      committed.emplace(current, std::stoll(std::string(line.substr(15))));
    }
  }
  std::vector<std::optional<std::int64_t>> times;
  for (const auto& [number, commit] : lines) {
    if (times.size() <= number) {
      times.resize(number + 1);
    }
    auto found = committed.find(commit);
    if (found != committed.end() && commit.find_first_not_of('0') != std::string::npos) {
      times[number] = found->second;
    }
  }
  return times;
}

std::size_t indentation(std::string_view line) {
  std::size_t spaces = line.find_first_not_of(' ');
  return spaces == std::string_view::npos ? line.size() : spaces;
}

bool blank_or_comment(std::string_view line) {
  std::size_t first = line.find_first_not_of(" \t\r");
  return first == std::string_view::npos || line[first] == '#';
}

/// The last line of the block item whose mapping starts at `position`: the lines after it
/// that are indented at least to its keys, without trailing blank and comment lines, and
/// never before `at_least`.
std::uint32_t item_end(const SourceFile& source, Position position, std::uint32_t at_least) {
  std::size_t column = position.column > 0 ? position.column - 1 : 0;
  std::uint32_t last = std::max(position.line, at_least);
  for (std::uint32_t line = position.line + 1; line <= source.line_count(); ++line) {
    std::string_view text = source.line(line);
    if (blank_or_comment(text)) {
      continue;
    }
    if (indentation(text) < column) {
      break;
    }
    last = std::max(last, line);
  }
  return last;
}

/// The latest commit time of lines `first` to `last`, or nullopt when one of them is not
/// committed or git did not tell.
std::optional<std::int64_t> latest(const std::vector<std::optional<std::int64_t>>& times,
                                   std::uint32_t first, std::uint32_t last) {
  std::optional<std::int64_t> result;
  if (times.empty()) {
    return result;
  }
  // Blame has no line for the empty one after the file's last line break.
  last = std::min<std::uint32_t>(last, static_cast<std::uint32_t>(times.size() - 1));
  for (std::uint32_t line = first; line <= last; ++line) {
    if (!times[line]) {
      return std::nullopt;
    }
    result = std::max(result.value_or(*times[line]), *times[line]);
  }
  return result;
}

}  // namespace

std::string modification_time(const std::string& path) {
  struct stat status {};
  if (stat(path.c_str(), &status) != 0) {
    return "";
  }
  return iso8601(static_cast<std::int64_t>(status.st_mtime));
}

ChangeTimes change_times(const spec::Spec& spec, const SourceFile& source,
                         const std::string& fallback) {
  std::vector<std::optional<std::int64_t>> times = blame(source.path());
  auto time_of = [&](std::uint32_t first, std::uint32_t last) {
    std::optional<std::int64_t> seconds = latest(times, first, last);
    return seconds ? iso8601(*seconds) : fallback;
  };
  ChangeTimes result;
  spec::for_each_section(spec, [&](const spec::Section& section) {
    std::uint32_t header_end = item_end(source, section.position, section.position.line);
    for (const spec::Requirement& r : section.requirements) {
      header_end = std::min(header_end, r.position.line - 1);
    }
    for (const spec::Section& child : section.sections) {
      header_end = std::min(header_end, child.position.line - 1);
    }
    result.sections[section.id.value] =
        time_of(section.position.line, std::max(header_end, section.position.line));
    for (const spec::Requirement& r : section.requirements) {
      result.requirements[r.id.value] =
          time_of(r.position.line, item_end(source, r.position, r.end.line));
    }
  });
  result.specification = time_of(1, source.line_count());
  return result;
}

}  // namespace leaspec::exports
