// dossier-layout-worker: runs one Graphviz layout in its own process, so that every layout starts
// from clean Graphviz state (fdp keeps state between layouts in one process) and a cancel can
// kill it at once (Graphviz cannot be interrupted in-process). LayoutService starts it.
//
//   dossier-layout-worker            reads a serialised LayoutRequest on stdin until EOF, writes
//   the
//                                    serialised LayoutResult on stdout
//   dossier-layout-worker --plugins  writes the start-up plugin check on stdout
//
// Exit 0 when it wrote an answer (a failed layout is an answer), 1 when the input was unusable.
#include "dossier/layout/graphviz_layout.h"
#include "layout_wire.h"

#include <csignal>
#include <cstdio>
#include <exception>
#include <iostream>
#include <iterator>
#include <string>
#include <string_view>
#include <sys/prctl.h>

int main(int argc, char** argv) {
    using namespace dossier::layout;
    // A layout can run for minutes: when the command or window that asked for it dies (SIGTERM,
    // SIGKILL, a crash: no destructor runs to cancel it), the kernel kills the worker too instead
    // of leaving an orphan burning a core. The signal follows the spawning thread, which is safe
    // here: LayoutService spawns from its owner thread (or plugins()'s caller) and that thread
    // waits for the worker. Had the parent died before this line, its pipe is already closed:
    // the request reads short and the worker exits on the parse error below.
    ::prctl(PR_SET_PDEATHSIG, SIGKILL);
    try {
        if (argc > 1 && std::string_view(argv[1]) == "--plugins") {
            GraphvizLayout graphviz;
            std::cout << detail::serialise_plugins(graphviz.plugins()) << std::flush;
            return 0;
        }
        std::ios::sync_with_stdio(false);
        const std::string input((std::istreambuf_iterator<char>(std::cin)),
                                std::istreambuf_iterator<char>());
        const LayoutRequest request = detail::parse_request(input);
        GraphvizLayout graphviz;
        const LayoutResult result = graphviz.run(request); // reports missing plugins itself
        std::cout << detail::serialise_result(result) << std::flush;
        return std::cout ? 0 : 1;
    } catch (const std::exception& e) {
        std::fprintf(stderr, "dossier-layout-worker: %s\n", e.what());
        return 1;
    }
}
