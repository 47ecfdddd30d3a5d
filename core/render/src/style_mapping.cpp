#include "dossier/render/style_mapping.h"

#include <algorithm>
#include <array>

namespace dossier::render {
namespace {
constexpr std::array<std::string_view, 6> kTypeOrder{"person", "organization", "country",
                                                     "place",  "document",     "date"};
} // namespace

int entity_type_slot(std::string_view type) {
    for (std::size_t i = 0; i < kTypeOrder.size(); ++i)
        if (type == kTypeOrder[i])
            return static_cast<int>(i);
    return static_cast<int>(kTypeOrder.size());
}

QColor entity_type_color(Palette palette, std::string_view type) {
    return category_color(palette, entity_type_slot(type));
}

QColor community_color(Palette palette, int community) {
    if (community < 0)
        return palette == Palette::Grayscale ? QColor(0xB0, 0xB0, 0xB0) : QColor(0x99, 0x99, 0x99);
    return category_color(palette, community);
}

double range_fraction(double value, double low, double high) {
    if (!(high > low))
        return 0.5;
    return std::clamp((value - low) / (high - low), 0.0, 1.0);
}

double node_diameter(double value, double low, double high, double min_diameter,
                     double max_diameter) {
    return min_diameter + range_fraction(value, low, high) * (max_diameter - min_diameter);
}

double edge_width(double weight, double low, double high) {
    const double t = high > low ? range_fraction(weight, low, high) : 0.0;
    return kMinEdgeWidth + t * (kMaxEdgeWidth - kMinEdgeWidth);
}

EdgeStroke relation_stroke(std::string_view type) {
    if (type.starts_with("co_occurs"))
        return EdgeStroke::Solid;
    if (type == "addressed_to" || type == "sent_by" || type == "signed_by" || type == "refers_to")
        return EdgeStroke::Dashed;
    if (type == "mentions")
        return EdgeStroke::Dotted;
    return EdgeStroke::DashDotted;
}

} // namespace dossier::render

namespace dossier::render {

std::vector<StrokeLegendEntry> stroke_legend(const std::vector<std::string>& relation_types) {
    struct Kind {
        EdgeStroke stroke;
        const char* name;
        std::vector<std::string> types;
    };
    std::vector<Kind> kinds{{EdgeStroke::Solid, "co-occurrence", {}},
                            {EdgeStroke::Dashed, "from document headers", {}},
                            {EdgeStroke::Dotted, "mentions", {}},
                            {EdgeStroke::DashDotted, "read from sentences", {}}};
    for (const auto& type : relation_types)
        for (auto& kind : kinds)
            if (kind.stroke == relation_stroke(type) &&
                std::find(kind.types.begin(), kind.types.end(), type) == kind.types.end())
                kind.types.push_back(type);
    std::vector<StrokeLegendEntry> out;
    for (const auto& kind : kinds) {
        if (kind.types.empty())
            continue;
        QString label = kind.types.size() == 1
                            ? QString::fromStdString(kind.types.front()).replace('_', ' ')
                            : QStringLiteral("%1 (%2 types)")
                                  .arg(QLatin1String(kind.name))
                                  .arg(kind.types.size());
        out.push_back({label, kind.stroke});
    }
    return out;
}

} // namespace dossier::render
