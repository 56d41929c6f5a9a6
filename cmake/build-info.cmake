# Writes a C++ source that holds the git description of the sources (git describe --always
# --dirty), or, in a source archive made by git archive, the description recorded in
# cmake/git-describe.txt; empty when neither is known. Run at every build; the source is
# rewritten only when the description changes.
set(description "")
execute_process(COMMAND git rev-parse --show-toplevel WORKING_DIRECTORY ${ROOT}
  OUTPUT_VARIABLE toplevel RESULT_VARIABLE result OUTPUT_STRIP_TRAILING_WHITESPACE ERROR_QUIET)
if(result EQUAL 0)
  file(REAL_PATH ${toplevel} toplevel)
  file(REAL_PATH ${ROOT} root)
endif()
if(result EQUAL 0 AND toplevel STREQUAL root)
  execute_process(COMMAND git describe --always --dirty WORKING_DIRECTORY ${ROOT}
    OUTPUT_VARIABLE description OUTPUT_STRIP_TRAILING_WHITESPACE ERROR_QUIET)
else()
  file(READ ${ROOT}/cmake/git-describe.txt archived)
  string(STRIP "${archived}" archived)
  if(NOT archived MATCHES "^\\$Format" AND archived MATCHES "^[0-9A-Za-z._+-]+$")
    set(description "${archived}")
  endif()
endif()
file(WRITE ${OUT}.tmp
"// Generated at build time from the git description of the sources; do not edit.\n"
"#include <string_view>\n\n"
"namespace leaspec::cli {\n"
"std::string_view git_description() { return \"${description}\"; }\n"
"}  // namespace leaspec::cli\n")
file(COPY_FILE ${OUT}.tmp ${OUT} ONLY_IF_DIFFERENT)
file(REMOVE ${OUT}.tmp)
