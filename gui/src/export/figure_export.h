#pragma once
// Figure files (SVG, PDF, PNG) of the graph as the window shows it (same filter, positions,
// style mapping and drawing code: core/render), with optional title and legend; and the view
// file that records the choices so the CLI can regenerate the figure.
#include "dossier/render/figure.h"
#include "dossier/render/figure_renderer.h"
#include "graph_view/graph_style.h"
#include "state/explorer_state.h"

#include <QImage>
#include <QString>

namespace dossier::gui {

struct FigureOptions {
    QString format = QStringLiteral("svg"); // svg | pdf | png | dot | graphml | gexf | csv | json
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
    QString evidence_csv; // the evidence appendix (CSV), written next to the export
};

// The figure as the window shows it (filter, positions, colours, sizes, strokes) in print
// colours, with title and legend: what write_figure hands to core/export's writers.
render::Figure export_figure(const ExplorerState& state, const FigureOptions& options,
                             const GraphStyle& screen = GraphStyle{});
// Writes the figure through the same writers as `dossier export`; returns an empty string or a
// one-line reason it failed. `report` receives where the renderer put things (tests).
QString write_figure(const ExplorerState& state, const FigureOptions& options, const QString& path,
                     render::RenderReport* report = nullptr,
                     const GraphStyle& screen = GraphStyle{});
// Every format of `dossier export`: the figures (svg, pdf, png), then the data files.
QStringList export_formats();
bool is_figure_format(const QString& format);
// The data files (dot, graphml, gexf, csv, json) and the evidence appendix (options.evidence_csv,
// for any format), written by core/export from the project under the view the window shows
// (its view file parsed back by core's parse_view_spec), with the window's positions and colours.
// Returns an empty string or the reason it failed.
QString write_data_and_evidence(const ExplorerState& state, const FigureOptions& options,
                                const QString& project_path, const QString& path);
// A small picture of the figure for the dialog's preview.
QImage preview_figure(const ExplorerState& state, const FigureOptions& options, QSize pixels);
// The view file (filter, style, layout, export sections) in the format of core/graph/view_spec.h.
QString write_view_file(const ExplorerState& state, const FigureOptions& options,
                        const QString& path);
QByteArray view_json(const ExplorerState& state, const FigureOptions& options);

} // namespace dossier::gui
