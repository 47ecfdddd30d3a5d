// Node positions live in the project: dragging a node moves and pins it, a filter change leaves it
// where it was put, and the project opens again with the node there, still pinned. A pinned node
// wears a pin marker on screen (not in figure files); Unpin All releases it, undoably.
#include "app/main_window.h"
#include "dossier/store/curation_store.h"
#include "dossier/store/project.h"
#include "export/figure_export.h"
#include "graph_view/graph_view.h"
#include "gui_fixture.h"
#include "panels/filters_panel.h"
#include "test_window.h"

#include <QCheckBox>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QUndoStack>

using namespace dossier;
using namespace dossier::gui;
using dossier::gui::testing::GuiFixture;
using dossier::gui::testing::open_and_wait;
using dossier::gui::testing::TestWindow;
using dossier::gui::testing::use_test_settings;

namespace {
const QSize kWindowSize(1200, 800);

// A window at a fixed size with the project open and the graph fitted, so that drags land on
// known nodes. False when the window or project did not come up.
bool show_and_open(TestWindow& window, const QString& path) {
    if (!window.exposed() || !open_and_wait(window, path))
        return false;
    window.graph_view()->fit_view();
    return true;
}

const ExplorerNode& node_of(MainWindow& window, EntityId id) {
    const auto& graph = *window.state()->graph();
    return graph.nodes[static_cast<std::size_t>(graph.find(id))];
}

std::optional<store::NodePosition> stored(const QString& path, EntityId id) {
    auto project = store::Project::open(path.toStdString(), store::OpenMode::ReadOnly);
    return store::CurationStore(project).position(id);
}

// Whether the store holds the entity as pinned; nothing while no position is stored yet.
std::optional<bool> pinned_in_store(const QString& path, EntityId id) {
    const auto position = stored(path, id);
    return position ? std::optional<bool>(position->pinned) : std::nullopt;
}

// Pixels in the text colour within the pin head's disc, as the view shows it now.
int pin_ink(MainWindow& window, EntityId id) {
    GraphView& view = *window.graph_view();
    const QImage frame = view.grab().toImage();
    const int i = window.state()->graph()->find(id);
    const double radius = std::max(view.painter().node_radius(i) * view.transform().scale, 1.5);
    const QPointF head = GraphPainter::pin_head(*view.screen_position(id), radius);
    const QRgb ink = view.style().text.rgb();
    int n = 0;
    for (int dy = -3; dy <= 3; ++dy)
        for (int dx = -3; dx <= 3; ++dx) {
            const QPoint at = head.toPoint() + QPoint(dx, dy);
            n += frame.rect().contains(at) && (frame.pixel(at) | 0xff000000u) == ink;
        }
    return n;
}

QImage exported_png(MainWindow& window, const QString& path) {
    FigureOptions options;
    options.format = QStringLiteral("png");
    options.width_mm = 120;
    options.height_mm = 90;
    options.dpi = 96;
    const QString error = write_figure(*window.state(), options, path);
    return error.isEmpty() ? QImage(path) : QImage();
}

void drag(GraphView* view, QPoint from, QPoint to) {
    QTest::mousePress(view, Qt::LeftButton, {}, from);
    QTest::mouseMove(view, from + (to - from) / 3);
    QTest::mouseMove(view, to);
    QTest::mouseRelease(view, Qt::LeftButton, {}, to);
}

} // namespace

class NodePositionsTest : public QObject {
    Q_OBJECT
private slots:
    void initTestCase() { use_test_settings(); }

    void a_dragged_node_is_pinned_stays_through_a_filter_change_and_a_reopen() {
        GuiFixture fixture;
        const EntityId norland = fixture.entity.at("Norland");
        QPointF dropped_at;
        {
            TestWindow window(kWindowSize);
            QVERIFY(show_and_open(window, fixture.path));
            GraphView* view = window.graph_view();
            QVERIFY(!node_of(window, norland).pinned);

            // Drag Norland 60 pixels right and 40 down.
            const QPoint from = view->screen_position(norland)->toPoint();
            QCOMPARE(view->node_at(from), window.state()->graph()->find(norland));
            const QPoint to = from + QPoint(60, 40);
            const QPointF world_before = node_of(window, norland).position;
            QTest::mousePress(view, Qt::LeftButton, {}, from);
            QTest::mouseMove(view, from + QPoint(20, 10));
            QTest::mouseMove(view, to);
            QTest::mouseRelease(view, Qt::LeftButton, {}, to);
            const auto& moved = node_of(window, norland);
            QVERIFY(moved.pinned);
            const QPointF expected = world_before + QPointF(60, 40) / view->transform().scale;
            QVERIFY2(QLineF(moved.position, expected).length() < 1.0 / view->transform().scale,
                     "the node did not follow the mouse");
            QVERIFY(QLineF(*view->screen_position(norland), QPointF(to)).length() < 1.5);
            dropped_at = moved.position;

            // Filter persons and places out: Norland stays, exactly where it was dropped.
            window.filters_panel()->type_box(EntityType::Person)->setChecked(false);
            window.filters_panel()->type_box(EntityType::Place)->setChecked(false);
            QVERIFY(window.graph_view()->visible_node_count() < GuiFixture::kEntities);
            QCOMPARE(node_of(window, norland).position, dropped_at);
            QVERIFY(QLineF(*view->screen_position(norland), QPointF(to)).length() < 1.5);

            // The project has it, pinned, in Graphviz's frame (y up).
            QTRY_VERIFY_WITH_TIMEOUT(stored(fixture.path, norland).has_value(), 10000);
            const auto in_store = *stored(fixture.path, norland);
            QVERIFY(in_store.pinned);
            QCOMPARE(in_store.x, dropped_at.x());
            QCOMPARE(in_store.y, -dropped_at.y());
            window.close();
        }
        TestWindow again(TestWindow::Hidden);
        QVERIFY(open_and_wait(again, fixture.path));
        QVERIFY(node_of(again, norland).pinned);
        QCOMPARE(node_of(again, norland).position, dropped_at);
        // Nodes nobody placed are still on the provisional spiral, not on top of Norland.
        QVERIFY(!node_of(again, fixture.entity.at("Ostravia")).pinned);
    }

    void a_pinned_node_wears_a_pin_that_unpin_all_takes_off_and_undo_puts_back() {
        GuiFixture fixture;
        const EntityId norland = fixture.entity.at("Norland");
        TestWindow window(kWindowSize);
        QVERIFY(show_and_open(window, fixture.path));
        GraphView* view = window.graph_view();
        QTemporaryDir dir;

        // Pin it by dragging it a little; then the same figure file with and without the pin.
        const QPoint from = view->screen_position(norland)->toPoint();
        drag(view, from, from + QPoint(30, 30));
        QVERIFY(node_of(window, norland).pinned);
        // The store is written off the GUI thread: the pin is there before it is taken off.
        QTRY_VERIFY_WITH_TIMEOUT(pinned_in_store(fixture.path, norland) == true, 10000);
        const QImage file_pinned = exported_png(window, dir.filePath(QStringLiteral("a.png")));
        const int pinned_ink = pin_ink(window, norland);
        // The head is a disc of radius 4.5 in the text colour: most of the 7 x 7 square.
        QVERIFY2(pinned_ink >= 20, qPrintable(QStringLiteral("pin head ink: %1").arg(pinned_ink)));

        view->unpin_all();
        QVERIFY(!node_of(window, norland).pinned);
        QVERIFY(view->pinned_nodes().empty());
        QVERIFY2(pin_ink(window, norland) < pinned_ink / 2, "the pin marker is still drawn");
        QTRY_VERIFY_WITH_TIMEOUT(pinned_in_store(fixture.path, norland) == false, 10000);
        // Unpinned where it was: the same position.
        QCOMPARE(stored(fixture.path, norland)->x, node_of(window, norland).position.x());
        // Figure files never show pins.
        const QImage file_unpinned = exported_png(window, dir.filePath(QStringLiteral("b.png")));
        QVERIFY(!file_pinned.isNull());
        QVERIFY(file_pinned == file_unpinned);

        // Undo pins it again, in the view and the project; redo releases it again.
        QVERIFY(window.undo_stack()->canUndo());
        window.undo_stack()->undo();
        QVERIFY(node_of(window, norland).pinned);
        QVERIFY(pin_ink(window, norland) >= 20);
        QTRY_VERIFY_WITH_TIMEOUT(stored(fixture.path, norland)->pinned, 10000);
        window.undo_stack()->redo();
        QVERIFY(!node_of(window, norland).pinned);
        QTRY_VERIFY_WITH_TIMEOUT(pinned_in_store(fixture.path, norland) == false, 10000);
    }
};

QTEST_MAIN(NodePositionsTest)
#include "node_positions_test.moc"
