#!/usr/bin/env bash
# Output files: only a regular file or a new name is written; a folder, device, FIFO, socket
# or symbolic link is refused, as is an output that is an input or another output; a replaced
# file keeps its mode and owner; SIGXFSZ mid-write leaves no temporary file behind.
. "$(dirname "$0")/lib.sh"
cp "$SOURCE_DIR/data/examples/anpr.yaml" "$work/spec.yaml"
spec="$work/spec.yaml"

# no_temporaries: no .NAME.XXXXXX file is left in $work.
no_temporaries() {
  local left
  left=$(find "$work" -maxdepth 1 -name '.*.??????' -printf '%f ')
  [ -z "$left" ] || fail "temporary files left behind: $left ($1)"
}

# A character device. As root a node of our own (the same device as /dev/null) is made, so
# that a mistake could never replace the system's /dev/null.
if [ "$(id -u)" -eq 0 ]; then
  mknod "$work/null" c 1 3
  device="$work/null"
else
  device=/dev/null
fi
run_bounded export json "$spec" -o "$device"
expect_code 2 "a character device as -o"
expect_err "cannot write $device: it is a character device, not a regular file"
[ -c "$device" ] || fail "the character device was replaced"

mkfifo "$work/fifo"
run_bounded generate annex "$spec" --format md -o "$work/fifo"
expect_code 2 "a FIFO as -o"
expect_err "cannot write $work/fifo: it is a FIFO (named pipe), not a regular file"
[ -p "$work/fifo" ] || fail "the FIFO was replaced"

/usr/bin/python3 -c 'import socket, sys; socket.socket(socket.AF_UNIX).bind(sys.argv[1])' "$work/socket"
run_bounded export reqif "$spec" -o "$work/socket"
expect_code 2 "a socket as -o"
expect_err "cannot write $work/socket: it is a socket, not a regular file"
[ -S "$work/socket" ] || fail "the socket was replaced"

mkdir "$work/folder"
run_bounded export json "$spec" -o "$work/folder"
expect_code 2 "a folder as -o"
expect_err "cannot write $work/folder: it is a folder; give the name of a file in it"
for folder in ./ "$work/folder/" "$work/missing/" . ..; do
  out=$(cd "$work" && "$LEASPEC" export json "$spec" -o "$folder" 2>&1)
  code=$? err=$out
  expect_code 2 "-o $folder"
  expect_err "cannot write $folder: it names a folder; give the name of a file in it"
done
run_bounded export json "$spec" -o "$work/missing/out.json"
expect_code 2 "a folder that does not exist"
expect_err "cannot write $work/missing/out.json: the folder $work/missing does not exist"

# Symbolic links are refused, never followed or replaced: the link and its target stay.
printf 'target\n' > "$work/target.md"
ln -s target.md "$work/link.md"
run_bounded generate annex "$spec" --format md -o "$work/link.md"
expect_code 2 "a symbolic link as -o"
expect_err "cannot write $work/link.md: it is a symbolic link (to target.md); leaspec does not write through symbolic links: name the file itself"
[ -L "$work/link.md" ] && [ "$(cat "$work/target.md")" = target ] || fail "the link or its target changed"
ln -s nowhere.md "$work/dangling.md"
run_bounded generate annex "$spec" --format md -o "$work/dangling.md"
expect_code 2 "a dangling symbolic link as -o"
[ -e "$work/nowhere.md" ] && fail "a file was created through a dangling link"

# A replaced file keeps its permission bits and, where permitted, its owner and group.
printf 'old\n' > "$work/kept.json"
chmod 600 "$work/kept.json"
if [ "$(id -u)" -eq 0 ]; then
  chown 65534:65534 "$work/kept.json"
fi
before_owner=$(stat -c %u:%g "$work/kept.json")
run_bounded export json "$spec" -o "$work/kept.json"
expect_code 0 "replacing a 0600 file"
[ "$(stat -c %a "$work/kept.json")" = 600 ] || fail "mode 0600 became $(stat -c %a "$work/kept.json")"
[ "$(stat -c %u:%g "$work/kept.json")" = "$before_owner" ] || fail "owner $before_owner became $(stat -c %u:%g "$work/kept.json")"
grep -qF '"leaspec": 1' "$work/kept.json" || fail "the file was not replaced"
[ "$(id -u)" -eq 0 ] || echo "note: not root, so only the owner's own files are tested for owner"
out=$(umask 027 && "$LEASPEC" export json "$spec" -o "$work/new.json" 2>&1) || fail "new file: $out"
[ "$(stat -c %a "$work/new.json")" = 640 ] || fail "a new file under umask 027 has mode $(stat -c %a "$work/new.json")"

# An output that is an input, under any spelling, through a symbolic link or a hard link.
cp "$spec" "$work/original.yaml"
ln -s spec.yaml "$work/spec-link.yaml"
ln "$spec" "$work/spec-hard.yaml"
for output in "$spec" "$work/./spec.yaml" "$work/folder/../spec.yaml" "$work/spec-hard.yaml"; do
  run_bounded generate annex "$spec" --format md -o "$output"
  expect_code 2 "-o $output is the input"
  expect_err "cannot write $output: it is the input $spec; write the output to another file"
done
run_bounded export json "$work/spec-link.yaml" -o "$spec"
expect_code 2 "the input through a symbolic link"
expect_err "cannot write $spec: it is the input $work/spec-link.yaml"
run_bounded diff "$spec" "$SOURCE_DIR/data/examples/anpr.yaml" -o "$spec"
expect_code 2 "diff -o OLD"
expect_err "it is the input"
run_bounded merge "$SOURCE_DIR/data/examples/joint/nl.yaml" "$spec" -o "$spec"
expect_code 2 "merge -o an input"
cmp -s "$spec" "$work/original.yaml" || fail "an input was overwritten"

# --report and -o naming the same file, existing or not.
run_bounded merge "$SOURCE_DIR/data/examples/joint/nl.yaml" -o "$work/joint.yaml" --report "$work/./joint.yaml"
expect_code 2 "--report equal to -o"
expect_err "-o and --report name the same file, $work/./joint.yaml"
[ -e "$work/joint.yaml" ] && fail "something was written although -o and --report clash"
printf 'old\n' > "$work/joint.yaml"
run_bounded merge "$SOURCE_DIR/data/examples/joint/nl.yaml" -o "$work/joint.yaml" --report "$work/folder/../joint.yaml"
expect_code 2 "--report equal to an existing -o"
[ "$(cat "$work/joint.yaml")" = old ] || fail "the clashing output was written"

# SIGXFSZ: the file size limit is reached mid-write; the temporary file is removed and the
# run ends by the signal, as it would have without leaspec's cleanup.
printf 'old\n' > "$work/limited.json"
(ulimit -f 4 && exec "$LEASPEC" export json "$spec" -o "$work/limited.json") 2>/dev/null
code=$?
expect_code $((128 + 25)) "SIGXFSZ ends the run"
[ "$(cat "$work/limited.json")" = old ] || fail "SIGXFSZ: the old file was not kept"
no_temporaries "SIGXFSZ"

no_temporaries "refused outputs"
finish
