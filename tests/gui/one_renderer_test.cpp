// One renderer for the screen and the files (issue 5): the same graph drawn by the graph view
// and written as a PNG through the export path holds the same nodes, in the same colours, at the
// same relative places, with the same labels; directed relations get arrowheads in both.
#include "dossier/render/figure_renderer.h"
#include "export/figure_export.h"
#include "graph_view/graph_view.h"
#include "state/explorer_state.h"

#include <QImage>
#include <QTemporaryDir>
#include <QTest>
#include <set>

using namespace dossier;
using namespace dossier::gui;

namespace {

// A 4 x 4 lattice, wide apart so every label fits on screen and on the page; the edges along the
// first row are directed (sender -> recipient), the others not.
std::shared_ptr<ExplorerGraph> sparse_graph() {
    auto g = std::make_shared<ExplorerGraph>();
    constexpr int kSide = 4;
    for (int y = 0; y < kSide; ++y)
        for (int x = 0; x < kSide; ++x) {
            ExplorerNode node;
            node.id = EntityId{y * kSide + x + 1};
            node.name = QStringLiteral("N%1%2").arg(x).arg(y);
            node.type = static_cast<EntityType>((x + 2 * y) % 4);
            node.mentions = x + y;
            node.position = QPointF(x * 200.0, y * 150.0);
            g->nodes.push_back(node);
        }
    std::int64_t id = 1;
    for (int y = 0; y < kSide; ++y)
        for (int x = 0; x + 1 < kSide; ++x) {
            const int i = y * kSide + x;
            g->edges.push_back(
                {RelationId{id++}, i, i + 1,
                 y == 0 ? QStringLiteral("addressed_to") : QStringLiteral("co_occurs_sentence"),
                 1.0 + x, y == 0, 0, 0});
        }
    g->rebuild_index();
    return g;
}

QRgb opaque(QRgb c) {
    return c | 0xff000000u;
}

} // namespace

class OneRendererTest : public QObject {
    Q_OBJECT
private slots:
    void the_view_and_the_exported_png_show_the_same_figure() {
        ExplorerState state;
        state.set_graph(sparse_graph());
        GraphView view(&state);
        view.resize(900, 640);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        view.fit_view();
        const QImage screen = view.grab().toImage();

        QTemporaryDir dir;
        const QString png = dir.filePath(QStringLiteral("figure.png"));
        FigureOptions options;
        options.format = QStringLiteral("png");
        options.width_mm = 200;
        options.height_mm = 140;
        options.dpi = 150;
        options.legend = false;
        options.size_by = view.style().size_by;
        options.color_by = view.style().color_by;
        render::RenderReport report;
        const QString error = write_figure(state, options, png, &report);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QImage file(png);
        QVERIFY(!file.isNull());
        const double pixels_per_point = options.dpi / 72.0;

        const auto& graph = *state.graph();
        std::vector<QPointF> on_screen, in_file;
        for (int i = 0; i < static_cast<int>(graph.nodes.size()); ++i) {
            const auto& node = graph.nodes[static_cast<std::size_t>(i)];
            const QPointF s = *view.screen_position(node.key());
            // The figure's frame has y up; the window's y points down.
            const QPointF f =
                report.layout_to_page.map(QPointF(node.position.x(), -node.position.y())) *
                pixels_per_point;
            on_screen.push_back(s);
            in_file.push_back(f);
            // The same fill from the same style mapping, in both.
            const QRgb expected = view.painter().node_color(i).rgb();
            QCOMPARE(opaque(screen.pixel(s.toPoint())), opaque(expected));
            QCOMPARE(opaque(file.pixel(f.toPoint())), opaque(expected));
        }
        // The same picture up to scale and shift: every node where a similarity maps it.
        const double scale = QLineF(in_file.front(), in_file.back()).length() /
                             QLineF(on_screen.front(), on_screen.back()).length();
        for (std::size_t i = 0; i < on_screen.size(); ++i) {
            const QPointF predicted = in_file.front() + (on_screen[i] - on_screen.front()) * scale;
            QVERIFY2(QLineF(predicted, in_file[i]).length() < 1.5,
                     qPrintable(QStringLiteral("node %1 moved between screen and file").arg(i)));
        }
        // The same labels: here every node has room for its own, in both.
        const auto& screen_labels = view.painter().last_label_nodes();
        std::set<int> shown(screen_labels.begin(), screen_labels.end());
        std::set<int> written;
        for (const auto& placed : report.labels.placed)
            written.insert(placed.node);
        QCOMPARE(shown.size(), graph.nodes.size());
        QCOMPARE(written, shown);
    }

    void directed_relations_get_an_arrowhead_undirected_ones_none() {
        // One edge each way of drawing: sample across the line just before its target node.
        for (bool directed : {true, false}) {
            render::Figure figure;
            figure.bounds = QRectF(0, -20, 200, 40);
            for (double x : {0.0, 200.0}) {
                render::FigureNode node;
                node.center = QPointF(x, 0);
                node.width = node.height = 20;
                node.fill = Qt::white;
                figure.nodes.push_back(node);
            }
            render::FigureEdge edge;
            edge.source = 0;
            edge.target = 1;
            edge.width = 2;
            edge.color = Qt::black;
            edge.directed = directed;
            figure.edges.push_back(edge);
            QImage image(300, 100, QImage::Format_ARGB32_Premultiplied);
            QPainter painter(&image);
            const auto report = render::render_figure(painter, QSizeF(300, 100), figure);
            painter.end();
            // 6 points before the target's rim, just off the 2-point line: inside an arrowhead
            // (8 points long, 6.4 wide for this width), on the page's white otherwise.
            const QPointF rim = report.layout_to_page.map(QPointF(190, 0));
            const QPoint probe = (rim + QPointF(-6, 1.0)).toPoint();
            const int grey = qGray(image.pixel(probe));
            if (directed)
                QVERIFY2(grey < 128, "no arrowhead at the target end");
            else
                QVERIFY2(grey > 200, "an undirected edge got an arrowhead");
        }
    }
};

QTEST_MAIN(OneRendererTest)
#include "one_renderer_test.moc"
