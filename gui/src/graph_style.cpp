#include "graph_style.h"

#include <array>

namespace dossier::gui {
namespace {
// Okabe & Ito (2008), "Color Universal Design": distinguishable under the common colour-vision
// deficiencies. Black is left out so nodes stay visible on a dark background.
constexpr std::array<QRgb, 7> kOkabeIto{0xE69F00, 0x56B4E9, 0x009E73, 0xF0E442,
                                        0x0072B2, 0xD55E00, 0xCC79A7};
} // namespace

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
    switch (type) {
    case EntityType::Person:
        return QColor(kOkabeIto[4]);
    case EntityType::Organization:
        return QColor(kOkabeIto[0]);
    case EntityType::Country:
        return QColor(kOkabeIto[2]);
    case EntityType::Place:
        return QColor(kOkabeIto[1]);
    case EntityType::Document:
        return QColor(kOkabeIto[6]);
    case EntityType::Date:
        return QColor(kOkabeIto[3]);
    }
    return QColor(kOkabeIto[5]);
}

QColor community_color(int community) {
    if (community < 0)
        return QColor(0x999999);
    return QColor(kOkabeIto[static_cast<std::size_t>(community) % kOkabeIto.size()]);
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
