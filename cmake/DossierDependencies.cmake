# Every dependency comes from a Debian package. A missing one stops configuration with the
# name of the package that provides it, so `apt-get install <name>` is the whole fix.
include(FindPkgConfig)

function(dossier_require found debian_package what)
    if(NOT ${found})
        message(FATAL_ERROR "Dossier needs ${what}: install the Debian package '${debian_package}' "
                            "(apt-get install ${debian_package}), or run scripts/test.sh which installs "
                            "everything that is missing.")
    endif()
endfunction()

find_package(PkgConfig QUIET)
dossier_require(PkgConfig_FOUND pkg-config "pkg-config")

pkg_check_modules(SQLITE3 QUIET IMPORTED_TARGET sqlite3)
dossier_require(SQLITE3_FOUND libsqlite3-dev "SQLite 3 (with FTS5)")

find_package(ICU QUIET COMPONENTS uc i18n)
dossier_require(ICU_FOUND libicu-dev "ICU (encoding detection and Unicode text)")

find_package(OpenSSL QUIET)
dossier_require(OpenSSL_FOUND libssl-dev "OpenSSL's libcrypto (SHA-256 content hashes)")

pkg_check_modules(POPPLER_CPP QUIET IMPORTED_TARGET poppler-cpp)
dossier_require(POPPLER_CPP_FOUND libpoppler-cpp-dev "poppler-cpp (PDF text layer)")

find_package(pugixml QUIET)
dossier_require(pugixml_FOUND libpugixml-dev "pugixml (TEI/XML)")

find_package(CLI11 QUIET CONFIG)
dossier_require(CLI11_FOUND libcli11-dev "CLI11 (command line)")

find_package(nlohmann_json 3 QUIET CONFIG)
dossier_require(nlohmann_json_FOUND nlohmann-json3-dev "nlohmann/json")

find_package(Boost 1.74 QUIET COMPONENTS graph)
dossier_require(Boost_FOUND libboost-graph-dev "Boost.Graph")

pkg_check_modules(GRAPHVIZ QUIET IMPORTED_TARGET libgvc libcgraph)
dossier_require(GRAPHVIZ_FOUND libgraphviz-dev "Graphviz (cgraph/gvc)")

pkg_check_modules(IGRAPH QUIET IMPORTED_TARGET igraph)
dossier_require(IGRAPH_FOUND libigraph-dev "igraph (community detection)")

find_package(Threads REQUIRED)

if(DOSSIER_BUILD_TESTS)
    find_package(GTest QUIET)
    dossier_require(GTest_FOUND libgtest-dev "GoogleTest")
endif()
if(DOSSIER_BUILD_BENCH)
    find_package(benchmark QUIET)
    dossier_require(benchmark_FOUND libbenchmark-dev "Google Benchmark")
endif()
# core/render draws figures with QPainter (Qt Gui + Qt Svg, no Widgets), also in builds without the GUI.
find_package(Qt6 QUIET COMPONENTS Gui Svg)
dossier_require(Qt6_FOUND qt6-base-dev "Qt 6 Gui (and qt6-svg-dev for Qt Svg) for figure rendering")

if(DOSSIER_BUILD_GUI)
    find_package(Qt6 QUIET COMPONENTS Widgets Concurrent Svg Test PrintSupport)
    dossier_require(Qt6_FOUND qt6-base-dev "Qt 6 Widgets (and qt6-svg-dev for Qt Svg)")
endif()
