#include "dossier/layout/graphviz_layout.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <gvc.h>
#include <memory>
#include <stdexcept>

// Sanitizer builds only (scripts/sanitizer/configure.sh). libgvc and its layout plugins are built
// without frame pointers, so the fast unwinder AddressSanitizer uses at each malloc stops at
// Graphviz's gmalloc: a leak report from a process that runs Graphviz then shows two frames, and
// neither the reader nor a suppression can tell Graphviz's own leaks (scripts/sanitizer/lsan.supp)
// from a graph or layout Dossier failed to free. Every program that links this file (the layout
// worker, the layout and export tests) therefore records full malloc stacks; the command-line
// options in ASAN_OPTIONS still win over these defaults.
#if defined(__has_feature)
#if __has_feature(address_sanitizer)
#define DOSSIER_ADDRESS_SANITIZER 1
#endif
#endif
#if defined(__SANITIZE_ADDRESS__)
#define DOSSIER_ADDRESS_SANITIZER 1
#endif
#ifdef DOSSIER_ADDRESS_SANITIZER
extern "C" __attribute__((visibility("default"), used)) const char* __asan_default_options() {
    return "fast_unwind_on_malloc=0";
}
#endif

namespace dossier::layout {
namespace {

// Graphviz reports errors through one process-wide hook; only the owner thread runs layouts,
// so a single sink for the job in progress is enough.
std::vector<std::string>* g_error_sink = nullptr;

int capture_graphviz_message(char* message) {
    if (g_error_sink != nullptr && message != nullptr) {
        std::string text(message);
        while (!text.empty() && (text.back() == '\n' || text.back() == '\r'))
            text.pop_back();
        if (!text.empty())
            g_error_sink->push_back(std::move(text));
    }
    return 0;
}

class ErrorCapture {
public:
    explicit ErrorCapture(std::vector<std::string>& sink) {
        g_error_sink = &sink;
        agreseterrors();
    }
    ~ErrorCapture() { g_error_sink = nullptr; }
    ErrorCapture(const ErrorCapture&) = delete;
    ErrorCapture& operator=(const ErrorCapture&) = delete;
};

struct ContextDeleter {
    void operator()(GVC_t* context) const { gvFreeContext(context); }
};
using ContextPtr = std::unique_ptr<GVC_t, ContextDeleter>;

// Owns one graph and, once laid out, its layout: gvFreeLayout must run before agclose.
class GraphHandle {
public:
    GraphHandle(GVC_t* context, bool directed)
        : context_(context), graph_(agopen(const_cast<char*>("dossier"),
                                           directed ? Agdirected : Agundirected, nullptr)) {
        if (graph_ == nullptr)
            throw std::runtime_error("Graphviz could not create a graph");
    }
    ~GraphHandle() {
        if (laid_out_)
            gvFreeLayout(context_, graph_);
        agclose(graph_);
    }
    GraphHandle(const GraphHandle&) = delete;
    GraphHandle& operator=(const GraphHandle&) = delete;

    Agraph_t* get() const { return graph_; }
    // gvLayout may leave partial layout data even when it fails, so both outcomes need freeing.
    int layout(const char* engine) {
        const int rc = gvLayout(context_, graph_, engine);
        laid_out_ = true;
        return rc;
    }

private:
    GVC_t* context_;
    Agraph_t* graph_;
    bool laid_out_ = false;
};

Agsym_t* declare(Agraph_t* graph, int kind, const char* name, const char* fallback) {
    return agattr(graph, kind, const_cast<char*>(name), const_cast<char*>(fallback));
}

void set_graph(Agraph_t* graph, const char* name, const std::string& value) {
    agattr(graph, AGRAPH, const_cast<char*>(name), const_cast<char*>(value.c_str()));
}

std::string number(double value) {
    char buffer[64];
    std::snprintf(buffer, sizeof buffer, "%.4f", value);
    return buffer;
}

// Positions are kept to 1/100 point, as Graphviz writes them: neato's solver leaves noise in the
// last bits between runs, and exports must be byte-identical for the same seed.
double rounded(double value) {
    return std::round(value * 100.0) / 100.0 + 0.0;
}

std::string position(const Point& point, bool pinned) {
    return number(point.x) + "," + number(point.y) + (pinned ? "!" : "");
}

} // namespace

struct GraphvizLayout::Impl {
    ContextPtr context;
    PluginCheck check;
};

GraphvizLayout::GraphvizLayout() : impl_(std::make_unique<Impl>()) {
    agseterrf(&capture_graphviz_message);
    agseterr(AGWARN);
    impl_->context.reset(gvContext());
    if (!impl_->context) {
        impl_->check.message = "Graphviz could not create a context";
        return;
    }
    int count = 0;
    char** names = gvPluginList(impl_->context.get(), "layout", &count, nullptr);
    for (int i = 0; i < count; ++i) {
        std::string name(names[i]);
        if (auto colon = name.find(':'); colon != std::string::npos)
            name.resize(colon);
        impl_->check.available.push_back(name);
        std::free(names[i]);
    }
    std::free(names);
    std::sort(impl_->check.available.begin(), impl_->check.available.end());
    impl_->check.available.erase(
        std::unique(impl_->check.available.begin(), impl_->check.available.end()),
        impl_->check.available.end());
    std::string missing;
    for (auto engine :
         {Engine::Dot, Engine::Neato, Engine::Fdp, Engine::Sfdp, Engine::Circo, Engine::Twopi}) {
        const std::string name(to_string(engine));
        if (!std::binary_search(impl_->check.available.begin(), impl_->check.available.end(), name))
            missing += (missing.empty() ? "" : ", ") + name;
    }
    impl_->check.ok = missing.empty();
    if (!impl_->check.ok) {
        impl_->check.message =
            "Graphviz layout plugins not loaded (" + missing +
            "): install the Debian package 'graphviz' (or libgvc6) and run 'dot -c' as "
            "root to register its plugins";
        return;
    }
    // fdp keeps process-wide state that a freed context leaves stale: the first fdp layout on a
    // new context differs from the ones after it. One throw-away layout makes every real job
    // start from the same state, so the same request always gives the same positions.
    LayoutRequest warm_up;
    warm_up.options.engine = Engine::Fdp;
    for (int i = 0; i < 3; ++i)
        warm_up.nodes.push_back({std::to_string(i), 10, 10, std::nullopt, std::nullopt});
    warm_up.edges = {{0, 1, 1.0}, {1, 2, 1.0}, {2, 0, 1.0}};
    run(warm_up);
}

GraphvizLayout::~GraphvizLayout() = default;

const PluginCheck& GraphvizLayout::plugins() const {
    return impl_->check;
}

LayoutResult GraphvizLayout::run(const LayoutRequest& request) {
    LayoutResult result;
    const std::string engine(to_string(request.options.engine));
    if (!impl_->context) {
        result.error = impl_->check.message;
        return result;
    }
    if (!std::binary_search(impl_->check.available.begin(), impl_->check.available.end(), engine)) {
        result.error = "layout engine " + engine + " is not available: " + impl_->check.message;
        return result;
    }
    for (const auto& edge : request.edges) {
        if (edge.source >= request.nodes.size() || edge.target >= request.nodes.size()) {
            result.error = "layout request has an edge to a node index out of range";
            return result;
        }
    }
    if (request.nodes.empty()) {
        result.ok = true;
        return result;
    }

    ErrorCapture capture(result.messages);
    const bool is_dot = request.options.engine == Engine::Dot;
    GraphHandle graph(impl_->context.get(), is_dot);
    Agraph_t* g = graph.get();

    const LayoutOptions& options = request.options;
    const bool honours_pins = options.engine == Engine::Neato || options.engine == Engine::Fdp;
    const bool has_pins = std::any_of(request.nodes.begin(), request.nodes.end(),
                                      [](const LayoutNode& n) { return n.pinned.has_value(); });
    std::string overlap = options.overlap;
    // Graphviz 2.42's overlap removal (prism) and fdp's overlap pass move pinned nodes too, so
    // pins win: overlaps stay as the force model leaves them.
    if (has_pins && honours_pins && overlap != "true") {
        overlap = "true";
        result.messages.push_back("overlap removal turned off: it would move the pinned nodes");
    }
    if (has_pins && !honours_pins)
        result.messages.push_back("engine " + engine +
                                  " does not honour pinned positions; use neato or fdp");
    // Seeds: neato/fdp/sfdp read "start" as the random seed; the others are deterministic.
    set_graph(g, "start", "random" + std::to_string(options.seed));
    set_graph(g, "overlap", overlap);
    set_graph(g, "splines", options.splines);
    set_graph(g, "nodesep", number(options.nodesep));
    if (is_dot)
        set_graph(g, "rankdir", options.rankdir);
    // Positions we pass are in points, and pinned ones must come back unshifted.
    set_graph(g, "inputscale", "72");
    set_graph(g, "notranslate", "true");

    Agsym_t* width = declare(g, AGNODE, "width", "0.25");
    Agsym_t* height = declare(g, AGNODE, "height", "0.25");
    declare(g, AGNODE, "fixedsize", "true");
    declare(g, AGNODE, "label", "");
    declare(g, AGNODE, "shape", "ellipse");
    Agsym_t* pos = declare(g, AGNODE, "pos", "");
    Agsym_t* pin = declare(g, AGNODE, "pin", "false");
    Agsym_t* weight = declare(g, AGEDGE, "weight", "1");

    std::vector<Agnode_t*> nodes;
    nodes.reserve(request.nodes.size());
    for (std::size_t i = 0; i < request.nodes.size(); ++i) {
        const LayoutNode& in = request.nodes[i];
        // Graphviz names are internal: "n<index>", so any key (spaces, quotes, Unicode) is safe.
        const std::string name = "n" + std::to_string(i);
        Agnode_t* node = agnode(g, const_cast<char*>(name.c_str()), 1);
        agxset(node, width, const_cast<char*>(number(std::max(in.width, 1.0) / 72.0).c_str()));
        agxset(node, height, const_cast<char*>(number(std::max(in.height, 1.0) / 72.0).c_str()));
        if (in.pinned) {
            agxset(node, pos, const_cast<char*>(position(*in.pinned, true).c_str()));
            agxset(node, pin, const_cast<char*>("true"));
        } else if (in.start) {
            agxset(node, pos, const_cast<char*>(position(*in.start, false).c_str()));
        }
        nodes.push_back(node);
    }
    std::vector<Agedge_t*> edges;
    edges.reserve(request.edges.size());
    for (const auto& in : request.edges) {
        Agedge_t* edge = agedge(g, nodes[in.source], nodes[in.target], nullptr, 1);
        // dot wants integer weights; the force-directed engines take them as given.
        const std::string w =
            is_dot ? std::to_string(std::max(1L, std::lround(in.weight))) : number(in.weight);
        agxset(edge, weight, const_cast<char*>(w.c_str()));
        edges.push_back(edge);
    }

    // sfdp and parts of fdp draw from the C library's generators without seeding them from
    // "start"; seeding them here makes every job start from the same state.
    srand48(static_cast<long>(options.seed));
    std::srand(options.seed);
    const auto started = std::chrono::steady_clock::now();
    const int rc = graph.layout(engine.c_str());
    result.seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    if (rc != 0) {
        result.error = "Graphviz " + engine + " layout failed" +
                       (result.messages.empty() ? std::string() : ": " + result.messages.back());
        return result;
    }

    // Graphviz 2.42 translates the final layout even with notranslate=true; pinned nodes keep
    // their relative positions, so shifting by the first pin's offset puts every pin back.
    Point shift;
    if (has_pins && honours_pins) {
        for (std::size_t i = 0; i < nodes.size(); ++i) {
            if (request.nodes[i].pinned) {
                shift = {request.nodes[i].pinned->x - ND_coord(nodes[i]).x,
                         request.nodes[i].pinned->y - ND_coord(nodes[i]).y};
                break;
            }
        }
    }
    result.nodes.reserve(nodes.size());
    for (std::size_t i = 0; i < nodes.size(); ++i) {
        Agnode_t* node = nodes[i];
        result.nodes.push_back(
            {request.nodes[i].key,
             {rounded(ND_coord(node).x + shift.x), rounded(ND_coord(node).y + shift.y)},
             rounded(ND_width(node) * 72.0),
             rounded(ND_height(node) * 72.0)});
    }
    result.edges.reserve(edges.size());
    for (std::size_t i = 0; i < edges.size(); ++i) {
        EdgeRoute route{request.edges[i].source, request.edges[i].target, {}};
        const splines* spl = ED_spl(edges[i]);
        if (spl != nullptr && spl->size > 0) {
            const bezier& curve = spl->list[0];
            route.points.reserve(static_cast<std::size_t>(curve.size));
            for (int p = 0; p < curve.size; ++p)
                route.points.push_back(
                    {rounded(curve.list[p].x + shift.x), rounded(curve.list[p].y + shift.y)});
        }
        result.edges.push_back(std::move(route));
    }
    const boxf bb = GD_bb(g);
    result.bounding_box = {{rounded(bb.LL.x + shift.x), rounded(bb.LL.y + shift.y)},
                           {rounded(bb.UR.x + shift.x), rounded(bb.UR.y + shift.y)}};
    // neato with notranslate and pinned nodes may report a box that leaves nodes out; recompute.
    for (const auto& n : result.nodes) {
        result.bounding_box.lower_left.x =
            std::min(result.bounding_box.lower_left.x, n.center.x - n.width / 2);
        result.bounding_box.lower_left.y =
            std::min(result.bounding_box.lower_left.y, n.center.y - n.height / 2);
        result.bounding_box.upper_right.x =
            std::max(result.bounding_box.upper_right.x, n.center.x + n.width / 2);
        result.bounding_box.upper_right.y =
            std::max(result.bounding_box.upper_right.y, n.center.y + n.height / 2);
    }
    result.ok = true;
    return result;
}

} // namespace dossier::layout
