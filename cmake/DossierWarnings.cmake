# Warnings are errors-in-waiting: every target of ours gets the same strict set.
function(dossier_target_warnings target)
    target_compile_options(${target} PRIVATE -Wall -Wextra -Wpedantic -Wshadow -Wnon-virtual-dtor
                                             -Wold-style-cast -Wcast-align -Woverloaded-virtual
 -Wimplicit-fallthrough)
    # scripts/test.sh turns it on in both of its builds (g++, and clang under --sanitize), so CI
    # fails on a warning instead of printing it; a plain cmake build only warns.
    if(DOSSIER_WERROR)
        target_compile_options(${target} PRIVATE -Werror)
    endif()
endfunction()

# One library per module: name, sources, and public/private dependencies.
function(dossier_library name)
    cmake_parse_arguments(ARG "" "" "SOURCES;PUBLIC;PRIVATE" ${ARGN})
    add_library(${name} STATIC ${ARG_SOURCES})
    target_include_directories(${name} PUBLIC ${CMAKE_CURRENT_SOURCE_DIR}/include
                                       PRIVATE ${CMAKE_CURRENT_SOURCE_DIR}/src)
    target_link_libraries(${name} PUBLIC ${ARG_PUBLIC} PRIVATE ${ARG_PRIVATE})
    dossier_target_warnings(${name})
endfunction()
