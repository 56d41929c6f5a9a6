#!/usr/bin/env bash
# Shell completions generated from the command definitions: bash through its completion
# builtins, zsh and fish by their own syntax check and completer.
. "$(dirname "$0")/lib.sh"

run completion bash
expect_code 0 "completion bash"
printf '%s\n' "$out" > "$work/leaspec.bash"
bash -n "$work/leaspec.bash" || fail "the bash completion has a syntax error"

# complete_words WORDS...: what bash offers after WORDS (the last one is being typed).
complete_words() {
  (cd "$work/files" && bash -c '
    source "$1"; shift
    COMP_WORDS=("$@"); COMP_CWORD=$(($# - 1))
    _leaspec 2>/dev/null
    [ ${#COMPREPLY[@]} -eq 0 ] || printf "%s\n" "${COMPREPLY[@]}" | LC_ALL=C sort | tr "\n" " "' _ "$work/leaspec.bash" "$@")
}
expect_words() {
  local expected=$1
  shift
  local got
  got=$(complete_words "$@")
  [ "$got" = "$expected" ] || fail "completing '$*': got '$got', expected '$expected'"
}
mkdir -p "$work/files/specs" && touch "$work/files/a.yaml" "$work/files/b.yml" "$work/files/notes.txt"

[ "$(bash -c 'source "$1"; complete -p leaspec' _ "$work/leaspec.bash")" = "complete -F _leaspec leaspec" ] ||
  fail "complete -p does not show the leaspec completion"
expect_words "validate " leaspec val
expect_words "catalog completion conformance " leaspec c
expect_words "github json junit sarif text " leaspec validate --format ""
expect_words "--standard --strict " leaspec validate --st
expect_words "annex matrix standard " leaspec generate ""
expect_words "docx " leaspec generate annex a.yaml --format d
expect_words "a.yaml b.yml specs " leaspec generate annex ""
expect_words "a.yaml b.yml specs " leaspec validate --strict a.yaml ""
expect_words "a.yaml b.yml notes.txt specs " leaspec generate annex a.yaml -o ""
expect_words "cybercrime " leaspec init --area cy
expect_words "fish " leaspec completion f
expect_words "" leaspec merge --lead ""

# zsh and fish: the scripts parse, and fish completes from them.
run completion zsh
expect_code 0 "completion zsh"
printf '%s\n' "$out" > "$work/_leaspec"
head -1 "$work/_leaspec" | grep -qx "#compdef leaspec" || fail "the zsh completion lacks #compdef"
zsh -n "$work/_leaspec" || fail "the zsh completion has a syntax error"
zsh -c 'autoload -U compinit && compinit -u -d "$2/zcompdump" && source "$1" &&
  [[ $_comps[leaspec] == _leaspec ]]' _ "$work/_leaspec" "$work" ||
  fail "zsh does not register the leaspec completion"
run completion fish
expect_code 0 "completion fish"
printf '%s\n' "$out" > "$work/leaspec.fish"
fish -n "$work/leaspec.fish" || fail "the fish completion has a syntax error"
got=$(cd "$work/files" && HOME=$work fish -c 'source $argv[1]; complete -C "leaspec generate --format "' "$work/leaspec.fish" | cut -f1 | tr '\n' ' ')
[ "$got" = "csv docx html md odt pdf xlsx " ] || fail "fish completes generate --format with: $got"
got=$(cd "$work/files" && HOME=$work fish -c 'source $argv[1]; complete -C "leaspec diff "' "$work/leaspec.fish" | cut -f1 | tr '\n' ' ')
[ "$got" = "a.yaml b.yml specs/ " ] || fail "fish completes diff with: $got"

run completion tcsh
expect_code 2 "an unknown shell"
finish
