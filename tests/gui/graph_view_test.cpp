// The graph view's pieces on synthetic graphs: hit-testing grid, filtering, label placement,
// zoom/pan/rubber band through real mouse events, and UTF-8 to UTF-16 offsets.
#include "graph_view/graph_painter.h"
#include "graph_view/graph_view.h"
#include "graph_view/spatial_grid.h"
#include "panels/entities_model.h"
#include "panels/utf8_offsets.h"
#include "state/explorer_filter.h"
#include "state/explorer_state.h"

#include <QImage>
#include <QRandomGenerator>
#include <QTest>
#include <QWheelEvent>

using namespace dossier;
using namespace dossier::gui;

namespace {
// n nodes on a jittered square lattice; edges to the right and lower neighbours.
std::shared_ptr<ExplorerGraph> lattice(int side, double spacing = 30) {
    auto g = std::make_shared<ExplorerGraph>();
    QRandomGenerator rng(7);
    for (int y = 0; y < side; ++y)
        for (int x = 0; x < side; ++x) {
            ExplorerNode node;
            node.id = EntityId{y * side + x + 1};
            node.name = QStringLiteral("Node %1-%2").arg(x).arg(y);
            node.type = static_cast<EntityType>((x + y) % 4);
            node.mentions = (x * 7 + y * 3) % 11;
            node.position = QPointF(x * spacing + rng.bounded(5.0), y * spacing + rng.bounded(5.0));
            g->nodes.push_back(node);
        }
    for (int y = 0; y < side; ++y)
        for (int x = 0; x < side; ++x) {
            const int i = y * side + x;
            if (x + 1 < side)
                g->edges.push_back({RelationId{static_cast<std::int64_t>(g->edges.size() + 1)}, i,
                                    i + 1, QStringLiteral("co_occurs_sentence"), 1.0 + x % 3, false,
                                    0, 0});
            if (y + 1 < side)
                g->edges.push_back({RelationId{static_cast<std::int64_t>(g->edges.size() + 1)}, i,
                                    i + side, QStringLiteral("mentions"), 1.0, false, 0, 0});
        }
    g->rebuild_index();
    return g;
}
} // namespace

class GraphViewTest : public QObject {
    Q_OBJECT
private slots:
    // An entity in no community (metrics not computed, or linked to nothing) shows a blank
    // Community cell, not the -1 that stands for none inside.
    void an_entity_in_no_community_shows_a_blank_community() {
        auto g = lattice(2);
        g->nodes[1].community = CommunityIndex{3};
        ExplorerState state;
        state.set_graph(g);
        EntitiesModel model(&state);
        QCOMPARE(model.rowCount(), 4);
        QStringList shown;
        for (int row = 0; row < model.rowCount(); ++row)
            shown << model.data(model.index(row, EntitiesModel::Community)).toString();
        shown.sort();
        QCOMPARE(shown, (QStringList{QString(), QString(), QString(), QStringLiteral("3")}));
    }

    void grid_answers_like_a_linear_scan() {
        std::vector<QPointF> points;
        QRandomGenerator rng(42);
        for (int i = 0; i < 2000; ++i)
            points.emplace_back(rng.bounded(1000.0), rng.bounded(600.0));
        SpatialGrid grid;
        grid.build(points, 25);
        auto all = [](int) { return true; };
        for (int probe = 0; probe < 200; ++probe) {
            const QPointF p(rng.bounded(1000.0), rng.bounded(600.0));
            const double radius = 15;
            int expected = -1;
            double best = radius * radius;
            for (int i = 0; i < static_cast<int>(points.size()); ++i) {
                const QPointF d = points[static_cast<std::size_t>(i)] - p;
                const double d2 = d.x() * d.x() + d.y() * d.y();
                if (d2 <= best) {
                    best = d2;
                    expected = i;
                }
            }
            const int got = grid.nearest(p, radius, all);
            if (expected < 0)
                QCOMPARE(got, -1);
            else
                QCOMPARE(QLineF(points[static_cast<std::size_t>(got)], p).length(),
                         QLineF(points[static_cast<std::size_t>(expected)], p).length());
        }
        const QRectF box(200, 100, 150, 80);
        std::size_t inside = 0;
        for (const auto& p : points)
            inside += box.contains(p) ? 1 : 0;
        QCOMPARE(grid.inside(box, all).size(), inside);
    }

    void minimum_degree_counts_distinct_neighbours_through_edges_that_pass_the_filter() {
        // A path a-b-c plus a heavy edge c-d and a second, parallel a-b: core's rule (as
        // `dossier export`) counts neighbours, not relations.
        ExplorerGraph g;
        for (int i = 0; i < 4; ++i) {
            ExplorerNode node;
            node.id = EntityId{i + 1};
            node.name = QStringLiteral("n%1").arg(i);
            g.nodes.push_back(node);
        }
        g.edges = {{RelationId{1}, 0, 1, QStringLiteral("r"), 1, false, 0, 0},
                   {RelationId{2}, 1, 2, QStringLiteral("r"), 1, false, 0, 0},
                   {RelationId{3}, 2, 3, QStringLiteral("r"), 3, false, 0, 0},
                   {RelationId{4}, 0, 1, QStringLiteral("s"), 1, false, 0, 0}};
        g.rebuild_index();
        GraphFilter f;
        f.min_weight = 2;
        f.min_degree = 1;
        auto v = apply_filter(g, f);
        QCOMPARE(v.node_count, 2);
        QCOMPARE(v.edge_count, 1);
        QVERIFY(v.node_visible[2] && v.node_visible[3]);
        f = GraphFilter{};
        f.min_degree = 2; // a has two relations but one neighbour
        v = apply_filter(g, f);
        QVERIFY(!v.node_visible[0] && v.node_visible[1] && v.node_visible[2]);
        QVERIFY(!v.node_visible[3]);
        f = GraphFilter{};
        f.hidden_relations = {QStringLiteral("r"), QStringLiteral("s")};
        QCOMPARE(apply_filter(g, f).edge_count, 0);
        // Nodes left without a relation by a relation filter leave, as in `dossier export`.
        QCOMPARE(apply_filter(g, f).node_count, 0);
    }

    void labels_never_overlap_and_the_most_important_comes_first() {
        auto g = lattice(40, 12); // dense: most labels cannot fit
        const auto visible = apply_filter(*g, {});
        GraphPainter painter;
        GraphStyle style;
        style.size_by = SizeBy::Mentions;
        painter.set_style(style);
        painter.set_graph(g.get(), &visible);
        QImage image(800, 600, QImage::Format_ARGB32_Premultiplied);
        QPainter p(&image);
        const auto t = ViewTransform::fit(painter.visible_bounds(), QRectF(image.rect()));
        painter.paint_all(p, t, QRectF(image.rect()));
        const auto& boxes = painter.last_label_boxes();
        QVERIFY(boxes.size() > 10);
        QVERIFY(boxes.size() < g->nodes.size()); // some were dropped rather than overlapped
        for (std::size_t i = 0; i < boxes.size(); ++i)
            for (std::size_t j = i + 1; j < boxes.size(); ++j)
                QVERIFY2(!boxes[i].intersects(boxes[j]), "two labels overlap");
        // Something was drawn: the image is not just the background.
        QVERIFY(image.pixel(image.width() / 2, image.height() / 2) != 0 ||
                image.pixel(10, 10) != 0);
    }

    void wheel_zoom_keeps_the_point_under_the_cursor() {
        ExplorerState state;
        state.set_graph(lattice(10));
        GraphView view(&state);
        view.resize(600, 400);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        const QPointF cursor(420, 130);
        const QPointF before = view.transform().unmap(cursor);
        const double scale = view.transform().scale;
        QWheelEvent wheel(cursor, view.mapToGlobal(cursor), QPoint(), QPoint(0, 120), Qt::NoButton,
                          Qt::NoModifier, Qt::NoScrollPhase, false);
        QApplication::sendEvent(&view, &wheel);
        QVERIFY(view.transform().scale > scale);
        const QPointF after = view.transform().unmap(cursor);
        QVERIFY(QLineF(before, after).length() < 1e-6);
        view.zoom_out();
        QVERIFY(qAbs(view.transform().scale - scale) < 1e-9 * scale ||
                view.transform().scale < view.transform().scale * 1.26);
    }

    void dragging_empty_space_pans_and_shift_drag_selects_a_rectangle() {
        ExplorerState state;
        state.set_graph(lattice(10, 100));
        GraphView view(&state);
        view.resize(600, 400);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        // Find an empty spot: between lattice points.
        const auto a = *view.screen_position(EntityId{1});
        const auto b = *view.screen_position(EntityId{12});
        const QPoint empty = ((a + b) / 2).toPoint();
        QCOMPARE(view.node_at(empty), -1);
        const QPointF offset = view.transform().offset;
        QTest::mousePress(&view, Qt::LeftButton, {}, empty);
        QTest::mouseMove(&view, empty + QPoint(40, 25));
        QTest::mouseRelease(&view, Qt::LeftButton, {}, empty + QPoint(40, 25));
        QCOMPARE(view.transform().offset, offset + QPointF(40, 25));

        // Shift-drag a box around the first two columns of the first two rows.
        const auto top_left = *view.screen_position(EntityId{1});
        const auto bottom_right = *view.screen_position(EntityId{12}); // (1,1)
        const QPoint from(1, 1); // the corner: outside every node, so the press starts a band
        QCOMPARE(view.node_at(from), -1);
        QVERIFY(top_left.x() > from.x() && top_left.y() > from.y());
        const QPoint to = (bottom_right + QPointF(6, 6)).toPoint();
        QTest::mousePress(&view, Qt::LeftButton, Qt::ShiftModifier, from);
        QTest::mouseMove(&view, to);
        QTest::mouseRelease(&view, Qt::LeftButton, Qt::ShiftModifier, to);
        QCOMPARE(state.selection().size(), 4);
        auto selected = state.selected_entities();
        std::sort(selected.begin(), selected.end());
        QCOMPARE(selected, (QList<EntityId>{EntityId{1}, EntityId{2}, EntityId{11}, EntityId{12}}));
    }

    void emphasis_fades_or_hides_the_rest_and_survives_a_filter_change() {
        auto g = lattice(5, 100);
        ExplorerState state;
        state.set_graph(g);
        GraphView view(&state);
        view.resize(600, 400);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        // The first row's first three nodes and the two edges joining them: a small "path".
        const std::vector<int> nodes{0, 1, 2};
        std::vector<int> edges;
        for (int e = 0; e < static_cast<int>(g->edges.size()); ++e) {
            const auto& edge = g->edges[static_cast<std::size_t>(e)];
            if (edge.source <= 2 && edge.target <= 2)
                edges.push_back(e);
        }
        QCOMPARE(edges.size(), std::size_t{2});
        const EntityId inside = g->nodes[1].id, outside = g->nodes[12].id;
        const QPoint in_pos = view.screen_position(inside)->toPoint();
        const QPoint out_pos = view.screen_position(outside)->toPoint();
        const QRgb background = view.style().background.rgb();
        const QRgb out_colour = view.painter().node_color(12).rgb();
        const QRgb in_colour = view.painter().node_color(1).rgb();
        auto pixel = [&view](QPoint at) { return view.grab().toImage().pixel(at) | 0xff000000u; };
        QCOMPARE(pixel(out_pos), out_colour);

        view.set_emphasis(nodes, edges, /*hide_rest=*/false);
        QVERIFY(view.has_emphasis());
        QCOMPARE(pixel(in_pos), in_colour);
        const QRgb faded = pixel(out_pos);
        QVERIFY2(faded != out_colour && faded != background, "the rest is faded, not hidden");
        QCOMPARE(view.node_at(out_pos), 12); // faded nodes can still be clicked

        view.set_emphasis(nodes, edges, /*hide_rest=*/true);
        QCOMPARE(pixel(in_pos), in_colour);
        QCOMPARE(pixel(out_pos), background);
        QCOMPARE(view.node_at(out_pos), -1);
        QVERIFY(!view.screen_position(outside));
        QCOMPARE(view.node_at(in_pos), 1);

        // A filter change keeps the emphasis (and hides what it filters out).
        GraphFilter filter;
        filter.hidden_relations.insert(QStringLiteral("mentions"));
        state.set_filter(filter);
        QVERIFY(view.has_emphasis());
        QCOMPARE(pixel(out_pos), background);
        QCOMPARE(pixel(in_pos), in_colour);

        view.clear_emphasis();
        QVERIFY(!view.has_emphasis());
        QCOMPARE(pixel(out_pos), out_colour);
        QCOMPARE(view.node_at(out_pos), 12);

        // A new graph drops an emphasis whose indices belong to the old one.
        view.set_emphasis(nodes, edges, true);
        state.set_graph(lattice(5, 100));
        QVERIFY(!view.has_emphasis());
    }

    void utf8_byte_offsets_map_to_qt_positions() {
        const std::string text = "Кузнецов met 王 and 😀 Gromyko";
        const Utf8ToUtf16 map(text);
        const QString q = QString::fromStdString(text);
        const auto at = text.find("Gromyko");
        QCOMPARE(q.mid(map.position(static_cast<std::uint32_t>(at)), 7), QStringLiteral("Gromyko"));
        const auto met = text.find("met");
        QCOMPARE(q.mid(map.position(static_cast<std::uint32_t>(met)), 3), QStringLiteral("met"));
        QCOMPARE(map.position(static_cast<std::uint32_t>(text.size())), q.size());
    }
};

QTEST_MAIN(GraphViewTest)
#include "graph_view_test.moc"
