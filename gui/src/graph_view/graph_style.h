#pragma once
// How the graph is drawn: the mapping choices the user makes (colour, size, labels) and the
// colours. Node colours come from a colour-blind-safe palette (Okabe-Ito), the same one the
// figure exports use; background, edges and text follow the system palette (dark mode).
#include "dossier/model/entity_type.h"

#include <QColor>
#include <QFont>
#include <QPalette>
#include <QString>

namespace dossier::gui {

enum class ColorBy { Type, Community };
enum class SizeBy { Uniform, Degree, Mentions, Betweenness, PageRank };

QString to_display_string(SizeBy size_by);
QString to_display_string(EntityType type);

struct GraphStyle {
    ColorBy color_by = ColorBy::Type;
    SizeBy size_by = SizeBy::Degree;
    bool show_labels = true;
    int max_labels = 400; // labels per frame, most important first
    bool width_by_weight = true;
    bool style_by_relation = true;
    bool grayscale = false; // print in shades of grey (node colours only)
    QColor background{255, 255, 255};
    QColor edge{120, 120, 120};
    QColor text{0, 0, 0};
    QColor selection{213, 94, 0};
    QFont label_font;

    // Background, edge and text colours from the widget palette (so dark mode works).
    static GraphStyle from_palette(const QPalette& palette);
};

// Okabe-Ito, by entity type and by community number: core/render's style mapping, the same
// colours as the graph and the figure files (for the panels' swatches and highlights).
QColor type_color(EntityType type);
QColor community_color(int community);

} // namespace dossier::gui
