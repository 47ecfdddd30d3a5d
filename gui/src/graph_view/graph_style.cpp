#include "graph_view/graph_style.h"

#include "dossier/render/style_mapping.h"

namespace dossier::gui {

QString to_display_string(SizeBy size_by) {
    switch (size_by) {
    case SizeBy::Uniform:
        return QStringLiteral("Uniform");
    case SizeBy::Degree:
        return QStringLiteral("Degree");
    case SizeBy::Mentions:
        return QStringLiteral("Mentions");
    case SizeBy::Betweenness:
        return QStringLiteral("Betweenness");
    case SizeBy::PageRank:
        return QStringLiteral("PageRank");
    }
    return {};
}

QString to_display_string(EntityType type) {
    QString name = QString::fromUtf8(std::string(to_string(type)).c_str());
    if (!name.isEmpty())
        name[0] = name[0].toUpper();
    return name;
}

QColor type_color(EntityType type) {
    return render::entity_type_color(render::Palette::OkabeIto, to_string(type));
}

QColor community_color(int community) {
    return render::community_color(render::Palette::OkabeIto, community);
}

GraphStyle GraphStyle::from_palette(const QPalette& palette) {
    GraphStyle style;
    style.background = palette.color(QPalette::Base);
    style.text = palette.color(QPalette::Text);
    // Edges: the text colour at low opacity reads as grey on light and on dark backgrounds.
    style.edge = style.text;
    style.edge.setAlphaF(0.35f);
    style.selection = palette.color(QPalette::Highlight);
    style.label_font.setPointSizeF(8.5);
    return style;
}

} // namespace dossier::gui
