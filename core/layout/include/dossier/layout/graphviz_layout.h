#pragma once
// Runs one layout through cgraph/gvc on the calling thread. Graphviz keeps process-wide state,
// so only one thread at a time may call this: use LayoutService unless you are that thread.
#include "dossier/layout/layout_request.h"

#include <memory>
#include <string>
#include <vector>

namespace dossier::layout {

// Which layout engines the installed Graphviz plugins provide, checked once at start-up.
struct PluginCheck {
    bool ok = false;
    std::vector<std::string> available; // e.g. "dot", "neato", ...
    std::string message;                // what is missing and how to fix it, when !ok
};

class GraphvizLayout {
public:
    GraphvizLayout();
    ~GraphvizLayout();
    GraphvizLayout(const GraphvizLayout&) = delete;
    GraphvizLayout& operator=(const GraphvizLayout&) = delete;

    const PluginCheck& plugins() const;
    LayoutResult run(const LayoutRequest& request);

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

} // namespace dossier::layout
