#pragma once
// Figure files (SVG, PDF, PNG) of the graph as the window shows it (same filter, positions,
// style mapping and drawing code: core/render), with optional title and legend; and the view
// file that records the choices so the CLI can regenerate the figure.
#include "dossier/graph/view_spec.h"
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
    QString edge_weight = QStringLiteral("width"); // width | opacity | both (style.edge_weight)
    QString labels = QStringLiteral("auto");       // auto | names | keys (style.labels)
    QString links = QStringLiteral("auto");        // auto | all | strongest (style.links)
    int top_n = 0;                                 // keep the top N of the view by top_metric
    QString top_metric = QStringLiteral("pagerank");
    // One node per community (--aggregate community): the communities have no place on screen,
    // so such a figure gets its own layout, seeded like `dossier export`'s.
    bool aggregate_communities = false;
};

// The figure as the window shows it (filter, positions, colours, sizes, strokes) in print
// colours, with title and legend: what write_figure hands to core/export's writers.
render::Figure export_figure(const ExplorerState& state, const FigureOptions& options,
                             const GraphStyle& screen = GraphStyle{});
// The window's own figure (GraphPainter's, without a project: the preview and tests of the
// screen renderer), written by core's figure writers; returns an empty string or a one-line
// reason it failed. `report` receives where the renderer put things (tests). The Export dialog
// writes through write_export instead.
QString write_figure(const ExplorerState& state, const FigureOptions& options, const QString& path,
                     render::RenderReport* report = nullptr,
                     const GraphStyle& screen = GraphStyle{});
// Every format of `dossier export`: the figures (svg, pdf, png), then the data files.
QStringList export_formats();
bool is_figure_format(const QString& format);
// Every format of the Export dialog, through core's one export dispatch
// (exporting::write_export) on core's graph of the window's view (export_graph_for_view): what
// `dossier export --view` writes from the view file the dialog saves, with the window's
// positions instead of a new layout. Then the evidence appendix (options.evidence_csv). Returns
// an empty string or the reason it failed; `report` receives where a figure's renderer put
// things.
QString write_export(const ExplorerState& state, const FigureOptions& options,
                     const QString& project_path, const QString& path,
                     render::RenderReport* report = nullptr);
// A small picture of the figure for the dialog's preview.
QImage preview_figure(const ExplorerState& state, const FigureOptions& options, QSize pixels);
// The view file (filter, style, layout, export sections), written by core's save_view_spec.
QString write_view_file(const ExplorerState& state, const FigureOptions& options,
                        const QString& path);
QByteArray view_json(const ExplorerState& state, const FigureOptions& options);
// The same as core's ViewSpec: the window's filter as core's graph filter (ExplorerState::
// view_filter), the metrics, and the layout, style and export sections of `options`.
graph::ViewSpec view_spec(const ExplorerState& state, const FigureOptions& options);
nlohmann::json view_sections(const FigureOptions& options);

} // namespace dossier::gui
