#pragma once
// Figure files (SVG, PDF, PNG) of the graph as the window shows it (same filter, positions and
// drawing code), with optional title and colour legend; and the view file that records the
// choices so the CLI can regenerate the figure.
#include "explorer_state.h"
#include "graph_style.h"

#include <QImage>
#include <QString>

namespace dossier::gui {

struct FigureOptions {
    QString format = QStringLiteral("svg"); // svg | pdf | png
    double width_mm = 180;
    double height_mm = 120;
    int dpi = 300; // png only
    bool grayscale = false;
    ColorBy color_by = ColorBy::Type;
    SizeBy size_by = SizeBy::Degree;
    bool legend = true;
    QString title;
    QString engine; // recorded in the view file
    std::uint32_t seed = 1;
    QString evidence_csv; // recorded in the view file; written by `dossier export --evidence`
};

// Writes the figure; returns an empty string or a one-line reason it failed.
QString write_figure(const ExplorerState& state, const FigureOptions& options, const QString& path);
// A small picture of the figure for the dialog's preview.
QImage preview_figure(const ExplorerState& state, const FigureOptions& options, QSize pixels);
// The view file (filter, style, layout, export sections) in the format of core/graph/view_spec.h.
QString write_view_file(const ExplorerState& state, const FigureOptions& options,
                        const QString& path);
QByteArray view_json(const ExplorerState& state, const FigureOptions& options);

} // namespace dossier::gui
