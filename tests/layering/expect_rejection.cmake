# check_includes.cmake run on forbidden/, a tree with two forbidden includes: it must fail and name
# both, each with its file and line.
#   cmake -DCHECKER=... -DMAP_FILE=... -DTREE=... -P expect_rejection.cmake
execute_process(COMMAND ${CMAKE_COMMAND} -DSOURCE_DIR=${TREE} -DMAP_FILE=${MAP_FILE} -P ${CHECKER}
                RESULT_VARIABLE result OUTPUT_VARIABLE output ERROR_VARIABLE output)
if(result EQUAL 0)
    message(FATAL_ERROR "the check passed a tree with forbidden includes:\n${output}")
endif()
foreach(expected
        "core/graph/src/opens_sqlite.cpp:3: includes sqlite3.h (only core/store/ may include sqlite3.h*)"
        "core/model/src/reads_the_store.cpp:3: includes dossier/store/project.h (core/model/ may include dossier/: model)")
    string(FIND "${output}" "${expected}" at)
    if(at EQUAL -1)
        message(FATAL_ERROR "expected \"${expected}\" in:\n${output}")
    endif()
endforeach()
message(STATUS "rejected, naming both forbidden includes")
