// `leaspec completion bash|zsh|fish`: prints a shell completion script generated from the
// command definitions themselves (subcommands, options, allowed values, file arguments), so
// that it never falls behind the command line.
#include <iostream>
#include <set>

#include <fmt/format.h>
#include <CLI/CLI.hpp>

#include "cli/app.hpp"

namespace leaspec::cli {
namespace {

/// What a value is completed with.
enum class ValueKind { none, words, file, spec };

/// An option or a positional argument of a command, as the completion scripts see it.
struct Argument {
  std::vector<std::string> flags;  // "-o", "--output"; empty for a positional argument
  std::string description;
  bool takes_value = false;
  bool repeats = false;
  ValueKind kind = ValueKind::none;
  std::vector<std::string> words;
};

/// A command (or the program itself, with an empty name) and its arguments.
struct Command {
  std::string name;
  std::string description;
  std::vector<Argument> options;
  std::vector<Argument> positionals;
};

/// Positional arguments that take spec files (or folders of them) by their name.
const std::set<std::string> k_spec_arguments = {"SPEC", "PATH", "OLD", "NEW", "FILE"};

/// The first clause of a description, on one line, without the characters that completion
/// specifications give a meaning (brackets, colons, backslashes, quotes other than ').
std::string short_description(const std::string& text) {
  std::string result;
  for (char c : text.substr(0, text.find_first_of(";(\n"))) {
    if (c != '"' && c != '[' && c != ']' && c != '\\' && c != '`' && c != '$') {
      result += c == ':' ? ',' : c;
    }
  }
  while (!result.empty() && (result.back() == ' ' || result.back() == ',')) {
    result.pop_back();
  }
  return result;
}

/// `text` with each ' replaced by `quote`, for use inside single quotes.
std::string escape_quotes(const std::string& text, std::string_view quote) {
  std::string result;
  for (char c : text) {
    result += c == '\'' ? std::string(quote) : std::string(1, c);
  }
  return result;
}

/// Reads an option's allowed values and file-ness from CLI11's type name ("TEXT:{a,b}:FILE").
Argument describe(const CLI::Option& option) {
  Argument argument;
  for (const std::string& name : option.get_snames()) {
    argument.flags.push_back("-" + name);
  }
  for (const std::string& name : option.get_lnames()) {
    argument.flags.push_back("--" + name);
  }
  argument.description = short_description(option.get_description());
  argument.takes_value = option.get_items_expected_max() > 0;
  argument.repeats = option.get_expected_max() > 1;
  std::string type = option.get_type_name();
  bool file = false;
  for (std::size_t begin = 0; begin <= type.size();) {
    std::size_t end = type.find(':', begin);
    end = end == std::string::npos ? type.size() : end;
    std::string part = type.substr(begin, end - begin);
    if (part.size() >= 2 && part.front() == '{' && part.back() == '}') {
      for (std::size_t at = 1; at < part.size();) {
        std::size_t comma = part.find_first_of(",}", at);
        argument.words.push_back(part.substr(at, comma - at));
        at = comma + 1;
      }
    }
    file = file || part == "FILE" || part == "DIR" || part == "PATH";
    begin = end + 1;
  }
  bool output = option.check_lname("output") || option.check_lname("report");
  if (!argument.words.empty()) {
    argument.kind = ValueKind::words;
  } else if (argument.flags.empty() && (file || k_spec_arguments.count(option.get_name(true)))) {
    argument.kind = ValueKind::spec;
  } else if (file || output) {
    argument.kind = ValueKind::file;
  }
  return argument;
}

Command describe(const CLI::App& app) {
  Command command{
      app.get_parent() ? app.get_name() : "", short_description(app.get_description()), {}, {}};
  for (const CLI::Option* option : app.get_options()) {
    (option->nonpositional() ? command.options : command.positionals).push_back(describe(*option));
  }
  return command;
}

/// The program first, then each command in the order of the help.
std::vector<Command> commands_of(const CLI::App& app) {
  std::vector<Command> commands{describe(app)};
  for (const CLI::App* sub : app.get_subcommands([](const CLI::App*) { return true; })) {
    commands.push_back(describe(*sub));
  }
  return commands;
}

/// The bash words that complete a value of this kind.
std::string bash_values(const Argument& argument) {
  switch (argument.kind) {
    case ValueKind::words:
      return fmt::format("COMPREPLY=($(compgen -W '{}' -- \"$cur\"))",
                         fmt::join(argument.words, " "));
    case ValueKind::file:
      return "compopt -o filenames; COMPREPLY=($(compgen -f -- \"$cur\"))";
    case ValueKind::spec:
      return "compopt -o filenames; COMPREPLY=($(compgen -d -- \"$cur\") "
             "$(compgen -f -X '!*.yaml' -- \"$cur\") $(compgen -f -X '!*.yml' -- \"$cur\"))";
    case ValueKind::none:
      break;
  }
  return "COMPREPLY=()";
}

std::string bash_script(const std::vector<Command>& commands) {
  std::string takes_value;
  std::string values;
  std::string positionals;
  std::string flags;
  for (const Command& command : commands) {
    std::vector<std::string> names;
    for (const Argument& option : command.options) {
      for (const std::string& flag : option.flags) {
        names.push_back(flag);
        if (option.takes_value) {
          takes_value += fmt::format("    '{} {}') return 0 ;;\n", command.name, flag);
          values += fmt::format("    '{} {}') {} ;;\n", command.name, flag, bash_values(option));
        }
      }
    }
    if (command.name.empty()) {
      for (std::size_t i = 1; i < commands.size(); ++i) {
        names.push_back(commands[i].name);
      }
    }
    flags += fmt::format("    '{}') words='{}' ;;\n", command.name, fmt::join(names, " "));
    for (std::size_t i = 0; i < command.positionals.size(); ++i) {
      const Argument& positional = command.positionals[i];
      bool last = i + 1 == command.positionals.size();
      // A last argument that repeats takes every later position too.
      std::string position = last && positional.repeats ? "'*" : std::to_string(i) + "'";
      positionals +=
          fmt::format("    '{} {}) {} ;;\n", command.name, position, bash_values(positional));
    }
  }
  return fmt::format(
      "# bash completion for leaspec, generated by: leaspec completion bash\n"
      "_leaspec_takes_value() {{\n  case \"$1 $2\" in\n{}  esac\n  return 1\n}}\n\n"
      "_leaspec() {{\n"
      "  local cur=${{COMP_WORDS[COMP_CWORD]}} command='' count=0 skip=0 i word words\n"
      "  for ((i = 1; i < COMP_CWORD; i++)); do\n"
      "    word=${{COMP_WORDS[i]}}\n"
      "    if ((skip)); then skip=0; continue; fi\n"
      "    if [[ $word == -* ]]; then\n"
      "      [[ $word != *=* ]] && _leaspec_takes_value \"$command\" \"$word\" && skip=1\n"
      "    elif [[ -z $command ]]; then command=$word\n"
      "    else count=$((count + 1)); fi\n"
      "  done\n"
      "  if ((skip)); then\n"
      "    case \"$command ${{COMP_WORDS[COMP_CWORD - 1]}}\" in\n{}"
      "    *) COMPREPLY=() ;;\n    esac\n    return 0\n  fi\n"
      "  if [[ $cur == -* || -z $command ]]; then\n"
      "    case \"$command\" in\n{}    *) words='' ;;\n    esac\n"
      "    COMPREPLY=($(compgen -W \"$words\" -- \"$cur\"))\n    return 0\n  fi\n"
      "  case \"$command $count\" in\n{}    *) COMPREPLY=() ;;\n  esac\n"
      "}}\n\ncomplete -F _leaspec leaspec\n",
      takes_value, values, flags, positionals);
}

/// A ' inside a single-quoted zsh word: end the quotes, an escaped quote, quote again.
constexpr std::string_view k_zsh_quote = "'\\''";

/// A zsh _arguments specification of one argument.
std::string zsh_action(const Argument& argument) {
  switch (argument.kind) {
    case ValueKind::words:
      return fmt::format("({})", fmt::join(argument.words, " "));
    case ValueKind::file:
      return "_files";
    case ValueKind::spec:
      return "_files -g \"*.(yaml|yml)\"";
    case ValueKind::none:
      break;
  }
  return " ";
}

std::string zsh_arguments(const Command& command, const std::string& indent) {
  std::string specs;
  for (const Argument& option : command.options) {
    for (const std::string& flag : option.flags) {
      std::string value = option.takes_value ? ":value:" + zsh_action(option) : "";
      specs += fmt::format("{}'{}{}[{}]{}' \\\n", indent, option.repeats ? "*" : "", flag,
                           escape_quotes(option.description, k_zsh_quote), value);
    }
  }
  for (std::size_t i = 0; i < command.positionals.size(); ++i) {
    const Argument& positional = command.positionals[i];
    bool rest = positional.repeats && i + 1 == command.positionals.size();
    specs += fmt::format("{}'{}:{}:{}' \\\n", indent, rest ? "*" : std::to_string(i + 1),
                         positional.description.empty()
                             ? "argument"
                             : escape_quotes(positional.description, k_zsh_quote),
                         zsh_action(positional));
  }
  return specs;
}

std::string zsh_script(const std::vector<Command>& commands) {
  std::string described;
  std::string cases;
  for (std::size_t i = 1; i < commands.size(); ++i) {
    described += fmt::format("    '{}:{}'\n", commands[i].name,
                             escape_quotes(commands[i].description, k_zsh_quote));
    cases += fmt::format("        {})\n          _arguments \\\n{}            && return 0 ;;\n",
                         commands[i].name, zsh_arguments(commands[i], "            "));
  }
  return fmt::format(
      "#compdef leaspec\n"
      "# zsh completion for leaspec, generated by: leaspec completion zsh\n\n"
      "_leaspec() {{\n"
      "  local curcontext=$curcontext state line\n"
      "  local -a commands\n"
      "  commands=(\n{}  )\n"
      "  _arguments -C \\\n{}    '1:command:->command' \\\n    '*::argument:->argument' && return "
      "0\n"
      "  case $state in\n"
      "    command) _describe -t commands command commands ;;\n"
      "    argument)\n      case $line[1] in\n{}      esac ;;\n"
      "  esac\n}}\n\n"
      "if [[ $zsh_eval_context[-1] == loadautofunc ]]; then\n  _leaspec \"$@\"\n"
      "else\n  compdef _leaspec leaspec\nfi\n",
      described, zsh_arguments(commands[0], "    "), cases);
}

/// The fish `complete` options that give an argument's values.
std::string fish_values(const Argument& argument) {
  std::string option = argument.flags.empty() ? "" : " -r";
  switch (argument.kind) {
    case ValueKind::words:
      return fmt::format("{} -a '{}'", argument.flags.empty() ? "" : " -x",
                         fmt::join(argument.words, " "));
    case ValueKind::file:
      return option + " -F";
    case ValueKind::spec:
      return option +
             " -a '(__fish_complete_path (commandline -ct) |"
             " string match -r -- \"^[^\\t]*(?:\\.ya?ml|/)(?:\\t|\\$)\")'";
    case ValueKind::none:
      break;
  }
  return argument.takes_value ? " -x" : "";
}

std::string fish_script(const std::vector<Command>& commands) {
  std::string script =
      "# fish completion for leaspec, generated by: leaspec completion fish\n"
      "complete -c leaspec -f\n";
  for (const Command& command : commands) {
    std::string condition = command.name.empty() ? "__fish_use_subcommand"
                                                 : "__fish_seen_subcommand_from " + command.name;
    if (!command.name.empty()) {
      script += fmt::format("complete -c leaspec -n __fish_use_subcommand -a {} -d '{}'\n",
                            command.name, escape_quotes(command.description, "\\'"));
    }
    for (const Argument& option : command.options) {
      std::string names;
      for (const std::string& flag : option.flags) {
        names += flag.size() == 2 ? " -s " + flag.substr(1) : " -l " + flag.substr(2);
      }
      script += fmt::format("complete -c leaspec -n '{}'{}{} -d '{}'\n", condition, names,
                            fish_values(option), escape_quotes(option.description, "\\'"));
    }
    for (const Argument& positional : command.positionals) {
      if (positional.kind != ValueKind::none) {
        script +=
            fmt::format("complete -c leaspec -n '{}'{}\n", condition, fish_values(positional));
      }
    }
  }
  return script;
}

}  // namespace

void setup_completion(CLI::App& app, int& exit_code) {
  auto shell = std::make_shared<std::string>();
  CLI::App* sub =
      app.add_subcommand("completion", "Print the shell completion script for bash, zsh or fish");
  sub->add_option("SHELL", *shell, "The shell")
      ->required()
      ->check(CLI::IsMember({"bash", "zsh", "fish"}));
  sub->footer(
      "Examples:\n"
      "  source <(leaspec completion bash)          in ~/.bashrc\n"
      "  leaspec completion zsh > ~/.zfunc/_leaspec  with fpath+=~/.zfunc before compinit\n"
      "  leaspec completion fish > ~/.config/fish/completions/leaspec.fish\n\n"
      "The Debian package installs all three where the shells look for them.");
  const CLI::App* root = &app;
  sub->callback([shell, root, &exit_code] {
    std::vector<Command> commands = commands_of(*root);
    std::cout << (*shell == "bash"  ? bash_script(commands)
                  : *shell == "zsh" ? zsh_script(commands)
                                    : fish_script(commands));
    exit_code = k_exit_ok;
  });
}

}  // namespace leaspec::cli
