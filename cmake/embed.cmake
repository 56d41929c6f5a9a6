# Writes a C++ source that holds every bundled resource file as a byte array,
# keyed by its path relative to the source root (for example "schemas/spec.yaml").
string(REPLACE "|" ";" FILES "${FILES}")
list(SORT FILES)
set(body "")
set(table "")
set(index 0)
foreach(path IN LISTS FILES)
  file(RELATIVE_PATH name ${ROOT} ${path})
  file(READ ${path} hex HEX)
  string(LENGTH "${hex}" hex_length)
  math(EXPR size "${hex_length} / 2")
  string(REGEX REPLACE "([0-9a-f][0-9a-f])" "'\\\\x\\1'," bytes "${hex}")
  string(APPEND body "static const char k_data_${index}[] = {${bytes} 0};\n")
  string(APPEND table "    {\"${name}\", std::string_view(k_data_${index}, ${size})},\n")
  math(EXPR index "${index} + 1")
endforeach()
file(WRITE ${OUT}.tmp
"// Generated from the bundled resource files; do not edit.\n"
"#include \"leaspec/resources.hpp\"\n\n"
"namespace leaspec::catalog {\nnamespace {\n${body}\n"
"const Resource k_resources[] = {\n${table}};\n}  // namespace\n\n"
"std::span<const Resource> all_resources() { return k_resources; }\n"
"}  // namespace leaspec::catalog\n")
file(COPY_FILE ${OUT}.tmp ${OUT} ONLY_IF_DIFFERENT)
file(REMOVE ${OUT}.tmp)
