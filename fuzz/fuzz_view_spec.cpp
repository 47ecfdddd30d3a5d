// libFuzzer target: arbitrary bytes as a view file. A bad file is a ViewSpecError (one line naming
// the key) or a JSON parse error; a good one must survive a round trip through to_json unchanged.
#include "dossier/graph/view_spec.h"

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string text(reinterpret_cast<const char*>(data), size);
    dossier::graph::ViewSpec view;
    try {
        view = dossier::graph::parse_view_spec_text(text);
    } catch (const dossier::graph::ViewSpecError& e) {
        if (std::string(e.what()).find('\n') != std::string::npos) {
            std::fprintf(stderr, "view file error is not one line: %s\n", e.what());
            std::abort();
        }
        return 0;
    } catch (const nlohmann::json::exception&) {
        return 0; // not JSON at all
    }
    // What we write must read back as the same view.
    const auto written = dossier::graph::to_json(view);
    const auto reread = dossier::graph::to_json(dossier::graph::parse_view_spec(written));
    if (written != reread) {
        std::fprintf(stderr, "view does not round-trip:\n%s\n%s\n", written.dump().c_str(),
                     reread.dump().c_str());
        std::abort();
    }
    return 0;
}
