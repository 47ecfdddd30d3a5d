#include "dossier/export/view_options.h"

#include <stdexcept>

namespace dossier::exporting {
namespace {

using nlohmann::json;

template <class T> void read(const json& section, const char* name, const char* where, T& target) {
    if (!section.contains(name))
        return;
    try {
        target = section.at(name).get<T>();
    } catch (const json::exception&) {
        throw std::invalid_argument(std::string(where) + "." + name + ": wrong type of value " +
                                    section.at(name).dump());
    }
}

[[noreturn]] void unknown(const char* where, const std::string& value) {
    throw std::invalid_argument(std::string(where) + ": unknown value '" + value + "'");
}

// A style key whose value is one of a few names (`parse` knows them): `target` is left as it was
// when the key is absent, and an unknown name is refused with the key named.
template <class Choice, class Parse>
void read_choice(const json& style, const char* name, Parse parse, Choice& target) {
    if (!style.contains(name))
        return;
    std::string value;
    read(style, name, "style", value);
    const std::optional<Choice> parsed = parse(value);
    if (!parsed)
        unknown((std::string("style.") + name).c_str(), value);
    target = *parsed;
}

const json& section(const json& view, const char* name) {
    static const json empty = json::object();
    if (!view.is_object() || !view.contains(name))
        return empty;
    if (!view.at(name).is_object())
        throw std::invalid_argument(std::string("view file: \"") + name + "\" must be an object");
    return view.at(name);
}

} // namespace

std::string_view to_string(EdgeWeight mode) {
    switch (mode) {
    case EdgeWeight::Opacity:
        return "opacity";
    case EdgeWeight::Both:
        return "both";
    case EdgeWeight::Width:
        break;
    }
    return "width";
}

std::string_view to_string(render::LabelMode mode) {
    switch (mode) {
    case render::LabelMode::Names:
        return "names";
    case render::LabelMode::Keys:
        return "keys";
    case render::LabelMode::Auto:
        break;
    }
    return "auto";
}

std::optional<render::LabelMode> parse_label_mode(std::string_view text) {
    for (auto mode : {render::LabelMode::Names, render::LabelMode::Keys, render::LabelMode::Auto})
        if (text == to_string(mode))
            return mode;
    return std::nullopt;
}

std::optional<EdgeWeight> parse_edge_weight(std::string_view text) {
    for (auto mode : {EdgeWeight::Width, EdgeWeight::Opacity, EdgeWeight::Both})
        if (text == to_string(mode))
            return mode;
    return std::nullopt;
}

ViewOptions parse_view_options(const json& view) {
    ViewOptions options;
    const json& layout = section(view, "layout");
    if (layout.contains("engine")) {
        std::string engine;
        read(layout, "engine", "layout", engine);
        const auto parsed = layout::parse_engine(engine);
        if (!parsed)
            unknown("layout.engine", engine);
        options.layout.engine = *parsed;
        options.layout_engine_chosen = true;
    }
    read(layout, "seed", "layout", options.layout.seed);
    read(layout, "overlap", "layout", options.layout.overlap);
    read(layout, "splines", "layout", options.layout.splines);
    read(layout, "rankdir", "layout", options.layout.rankdir);
    read(layout, "nodesep", "layout", options.layout.nodesep);
    if (layout.contains("pinned")) {
        const json& pinned = layout.at("pinned");
        if (!pinned.is_object())
            throw std::invalid_argument("layout.pinned: expected an object {\"node id\": [x, y]}");
        for (const auto& [id, point] : pinned.items()) {
            if (!point.is_array() || point.size() != 2 || !point[0].is_number() ||
                !point[1].is_number())
                throw std::invalid_argument("layout.pinned." + id + ": expected [x, y], got " +
                                            point.dump());
            options.pinned[id] = {point[0].get<double>(), point[1].get<double>()};
        }
    }

    const json& style = section(view, "style");
    if (style.contains("palette")) {
        std::string palette;
        read(style, "palette", "style", palette);
        const auto parsed = render::parse_palette(palette);
        if (!parsed)
            unknown("style.palette", palette);
        options.style.palette = *parsed;
    }
    if (style.contains("color_by")) {
        std::string color_by;
        read(style, "color_by", "style", color_by);
        if (color_by == "type")
            options.style.color_by = ColorBy::Type;
        else if (color_by == "community")
            options.style.color_by = ColorBy::Community;
        else
            unknown("style.color_by", color_by);
    }
    read(style, "size_by", "style", options.style.size_by);
    read(style, "legend", "style", options.style.legend);
    read(style, "title", "style", options.style.title);
    read(style, "caption", "style", options.style.caption);
    read(style, "label_points", "style", options.style.label_points);
    if (options.style.label_points < kMinTextPoints || options.style.label_points > 72)
        throw std::invalid_argument(
            "style.label_points: " + std::to_string(options.style.label_points) +
            " pt is not legible in print; use 6 to 72");
    read(style, "label_max_chars", "style", options.style.label_max_chars);
    if (options.style.label_max_chars < 0)
        throw std::invalid_argument("style.label_max_chars: expected 0 (never shorten) or more");
    if (style.contains("document_labels")) {
        std::string labels;
        read(style, "document_labels", "style", labels);
        if (labels != "reference" && labels != "title")
            unknown("style.document_labels", labels);
        options.style.documents_by_reference = labels == "reference";
    }
    read_choice(style, "edge_weight", parse_edge_weight, options.style.edge_weight);
    read_choice(style, "labels", parse_label_mode, options.style.labels);
    read_choice(style, "links", parse_link_drawing, options.style.links);
    read(style, "links_per_node", "style", options.style.links_per_node);
    if (options.style.links_per_node < 1 || options.style.links_per_node > 100)
        throw std::invalid_argument("style.links_per_node: expected 1 to 100, got " +
                                    std::to_string(options.style.links_per_node));

    // The view file calls it "export" (core/graph's ViewSpec); "export_options" is accepted too.
    const json& out =
        section(view, view.is_object() && view.contains("export") ? "export" : "export_options");
    read(out, "format", "export", options.export_options.format);
    read(out, "width", "export", options.export_options.width);
    read(out, "height", "export", options.export_options.height);
    read(out, "dpi", "export", options.export_options.dpi);
    read(out, "evidence", "export", options.export_options.evidence);
    read(out, "citations", "export", options.export_options.citations);
    return options;
}

void store_view_options(const ViewOptions& options, json& view) {
    if (!view.is_object())
        view = json::object();
    json layout = {{"seed", options.layout.seed},
                   {"overlap", options.layout.overlap},
                   {"splines", options.layout.splines},
                   {"rankdir", options.layout.rankdir},
                   {"nodesep", options.layout.nodesep}};
    if (options.layout_engine_chosen)
        layout["engine"] = std::string(layout::to_string(options.layout.engine));
    if (!options.pinned.empty()) {
        json pinned = json::object();
        for (const auto& [id, point] : options.pinned)
            pinned[id] = {point.x, point.y};
        layout["pinned"] = std::move(pinned);
    }
    view["layout"] = std::move(layout);
    view["style"] = {
        {"palette", std::string(render::to_string(options.style.palette))},
        {"color_by", options.style.color_by == ColorBy::Community ? "community" : "type"},
        {"size_by", options.style.size_by},
        {"legend", options.style.legend},
        {"title", options.style.title},
        {"caption", options.style.caption},
        {"label_points", options.style.label_points},
        {"label_max_chars", options.style.label_max_chars},
        {"document_labels", options.style.documents_by_reference ? "reference" : "title"},
        {"edge_weight", std::string(to_string(options.style.edge_weight))},
        {"labels", std::string(to_string(options.style.labels))},
        {"links", std::string(to_string(options.style.links))},
        {"links_per_node", options.style.links_per_node}};
    view.erase("export_options");
    view["export"] = {{"format", options.export_options.format},
                      {"width", options.export_options.width},
                      {"height", options.export_options.height},
                      {"dpi", options.export_options.dpi},
                      {"evidence", options.export_options.evidence},
                      {"citations", options.export_options.citations}};
}

} // namespace dossier::exporting
