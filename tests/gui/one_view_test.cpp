// One view definition (issue 14): every filter of the explorer set on the sample corpus
// (imported by the real `dossier import`), the figure (SVG), GraphML and evidence appendix
// exported from the Export dialog, then `dossier export --view` of the view file the dialog
// saved: the same nodes and edges as the window shows, the same GraphML apart from the window's
// positions, the same evidence appendix, and an SVG of as many nodes.
#include "app/main_window.h"
#include "dossier/graph/graph_snapshot.h"
#include "dossier/graph/view_spec.h"
#include "dossier/store/project.h"
#include "export/export_dialog.h"
#include "graph_view/graph_view.h"
#include "gui_fixture.h"
#include "panels/filters_panel.h"
#include "panels/timeline_widget.h"
#include "process.h"
#include "test_window.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDomDocument>
#include <QDoubleSpinBox>
#include <QFile>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QSpinBox>
#include <QTemporaryDir>
#include <QTest>
#include <set>

using namespace dossier;
using namespace dossier::gui;
using dossier::gui::testing::open_and_wait;
using dossier::gui::testing::TestWindow;
using dossier::gui::testing::use_test_settings;

namespace {

QByteArray read_all(const QString& path) {
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

// The GraphML without what only the window adds (its positions, sizes and colours: the keys
// x, y, size and color and their values), as text.
QString graphml_without_positions(const QString& path) {
    QDomDocument doc;
    if (!doc.setContent(read_all(path)))
        return {};
    std::set<QString> window_keys;
    auto keys = doc.elementsByTagName(QStringLiteral("key"));
    for (int i = keys.size(); i-- > 0;) {
        auto key = keys.at(i).toElement();
        const auto name = key.attribute(QStringLiteral("attr.name"));
        if (name == QLatin1String("x") || name == QLatin1String("y") ||
            name == QLatin1String("size") || name == QLatin1String("color")) {
            window_keys.insert(key.attribute(QStringLiteral("id")));
            key.parentNode().removeChild(key);
        }
    }
    auto data = doc.elementsByTagName(QStringLiteral("data"));
    for (int i = data.size(); i-- > 0;) {
        auto d = data.at(i).toElement();
        if (window_keys.count(d.attribute(QStringLiteral("key"))))
            d.parentNode().removeChild(d);
    }
    return doc.toString();
}

std::set<QString> graphml_ids(const QString& path, const QString& tag) {
    QDomDocument doc;
    std::set<QString> out;
    if (!doc.setContent(read_all(path)))
        return out;
    const auto elements = doc.elementsByTagName(tag);
    for (int i = 0; i < elements.size(); ++i)
        out.insert(elements.at(i).toElement().attribute(QStringLiteral("id")));
    return out;
}

// Node marks (and the legend's colour swatches): the renderer draws them as circles.
int svg_circles(const QString& path) {
    QDomDocument doc;
    return doc.setContent(read_all(path)) ? doc.elementsByTagName(QStringLiteral("circle")).size()
                                          : -1;
}

} // namespace

class OneViewTest : public QObject {
    Q_OBJECT
private slots:
    void initTestCase() {
        use_test_settings();
        QVERIFY(dir.isValid());
        project = dir.filePath(QStringLiteral("samples.dossier"));
        const auto run = dossier::testing::run_cli("import '" + project.toStdString() + "' '" +
                                                   std::string(DOSSIER_SAMPLES) +
                                                   "' --exclude README.md --quiet");
        QVERIFY2(run.exit_code == 0, run.out.c_str());
    }

    void every_filter_of_the_window_gives_the_same_graph_as_dossier_export_of_its_view() {
        TestWindow window(TestWindow::Hidden);
        QVERIFY(open_and_wait(window, project));
        const auto& state = *window.state();
        const int everything = state.visible().node_count;
        set_every_filter(window);
        const int shown = state.visible().node_count;
        QVERIFY2(shown > 1 && shown < everything,
                 qPrintable(QStringLiteral("%1 of %2 nodes shown").arg(shown).arg(everything)));

        // The window shows what core selects for its view.
        auto opened = store::Project::open(project.toStdString(), store::OpenMode::ReadOnly);
        const auto snapshot = graph::GraphSnapshot::build(opened, state.view_filter());
        std::set<QString> core_nodes, window_nodes;
        for (graph::Vertex v = 0; v < snapshot.node_count(); ++v)
            core_nodes.insert(QString::number(snapshot.entity(v).value));
        for (std::size_t i = 0; i < state.graph()->nodes.size(); ++i)
            if (state.visible().node_visible[i])
                window_nodes.insert(QString::number(state.graph()->nodes[i].id.value));
        QCOMPARE(window_nodes, core_nodes);

        QTemporaryDir out;
        const QString svg = out.filePath(QStringLiteral("figure.svg"));
        const QString graphml = out.filePath(QStringLiteral("network.graphml"));
        const QString evidence = out.filePath(QStringLiteral("evidence.csv"));
        // The evidence appendix of a figure quotes the links it draws (a dense figure draws the
        // strongest co-occurrence links, print_edges.h); a data file's quotes every link.
        export_from_dialog(window, QStringLiteral("svg"), svg, evidence);
        const QByteArray figure_appendix = read_all(evidence);
        export_from_dialog(window, QStringLiteral("graphml"), graphml, evidence);
        const QByteArray appendix = read_all(evidence); // the view files name it: the command
                                                        // is pointed elsewhere

        // The view file names every filter the window set, the name query included.
        const QString view_path = ExportDialog::view_path_for(graphml);
        const auto view = graph::load_view_spec(view_path.toStdString());
        QCOMPARE(view.filter, state.view_filter());
        QVERIFY(!view.filter.name_query.empty() && !view.filter.date_from.empty() &&
                !view.filter.relation_types.empty() && !view.filter.entity_types.empty() &&
                view.filter.min_degree > 0 && view.filter.min_weight > 0);

        const QString again_graphml = out.filePath(QStringLiteral("again.graphml"));
        const QString again_svg = out.filePath(QStringLiteral("again.svg"));
        const QString again_evidence = out.filePath(QStringLiteral("again.csv"));
        run_export(view_path, again_graphml, out.filePath(QStringLiteral("again-graphml.csv")));
        run_export(ExportDialog::view_path_for(svg), again_svg, again_evidence);

        const auto nodes = graphml_ids(graphml, QStringLiteral("node"));
        QCOMPARE(nodes, window_nodes);
        QCOMPARE(graphml_ids(again_graphml, QStringLiteral("node")), nodes);
        QCOMPARE(graphml_ids(again_graphml, QStringLiteral("edge")),
                 graphml_ids(graphml, QStringLiteral("edge")));
        QCOMPARE(graphml_without_positions(again_graphml), graphml_without_positions(graphml));
        QVERIFY(!appendix.isEmpty());
        QVERIFY(!figure_appendix.isEmpty());
        QCOMPARE(read_all(again_evidence), figure_appendix);
        QCOMPARE(read_all(out.filePath(QStringLiteral("again-graphml.csv"))), appendix);
        QCOMPARE(svg_circles(again_svg), svg_circles(svg));
        QVERIFY(svg_circles(svg) >= shown);
    }

    // --aggregate community from the dialog: the same community nodes and edges as the command
    // gives for the saved view, laid out the same way (communities have no place on screen).
    void the_dialog_aggregates_communities_as_dossier_export_does() {
        TestWindow window(TestWindow::Hidden);
        QVERIFY(open_and_wait(window, project));
        QTemporaryDir out;
        const QString graphml = out.filePath(QStringLiteral("communities.graphml"));
        ExportDialog dialog(window.state(), window.graph_view()->style(), window.project_path(),
                            &window);
        dialog.format_box()->setCurrentText(QStringLiteral("graphml"));
        dialog.output_field()->setText(graphml);
        dialog.aggregate_box()->setChecked(true);
        dialog.findChild<QDialogButtonBox*>()->button(QDialogButtonBox::Save)->click();
        QCOMPARE(dialog.result(), int(QDialog::Accepted));

        const QString view_path = ExportDialog::view_path_for(graphml);
        QVERIFY(graph::load_view_spec(view_path.toStdString()).aggregate.by ==
                graph::AggregateBy::Community);
        const QString again = out.filePath(QStringLiteral("again.graphml"));
        run_export(view_path, again, out.filePath(QStringLiteral("again.csv")));
        const auto nodes = graphml_ids(graphml, QStringLiteral("node"));
        QVERIFY(nodes.size() > 1 && nodes.size() < window.state()->graph()->nodes.size());
        for (const auto& id : nodes)
            QVERIFY2(id.startsWith(QLatin1Char('c')), qPrintable(id));
        QCOMPARE(graphml_ids(again, QStringLiteral("node")), nodes);
        QCOMPARE(graphml_ids(again, QStringLiteral("edge")),
                 graphml_ids(graphml, QStringLiteral("edge")));
    }

private:
    QTemporaryDir dir;
    QString project;

    // Entity types, relation types, minimum weight and degree, a date range and a name, each
    // through its widget; the name is part of the best connected node's still shown.
    static void set_every_filter(TestWindow& window) {
        auto* filters = window.filters_panel();
        filters->type_box(EntityType::Place)->setChecked(false);
        auto* relations = filters->relation_list();
        QVERIFY(relations->count() > 1);
        relations->item(relations->count() - 1)->setCheckState(Qt::Unchecked);
        filters->min_weight()->setValue(0.5);
        filters->min_degree()->setValue(1);
        window.timeline()->set_range(month_index(1980, 1), month_index(1980, 12));
        const auto& state = *window.state();
        QTRY_VERIFY(!state.document_subset_pending()); // read off the GUI thread
        int best = -1;
        for (std::size_t i = 0; i < state.graph()->nodes.size(); ++i)
            if (state.visible().node_visible[i] &&
                (best < 0 || state.visible().degree[i] >
                                 state.visible().degree[static_cast<std::size_t>(best)]))
                best = static_cast<int>(i);
        QVERIFY(best >= 0);
        filters->text_query()->setText(
            state.graph()->nodes[static_cast<std::size_t>(best)].name.left(5).toUpper());
    }

    static void export_from_dialog(TestWindow& window, const QString& format, const QString& path,
                                   const QString& evidence) {
        ExportDialog dialog(window.state(), window.graph_view()->style(), window.project_path(),
                            &window);
        dialog.format_box()->setCurrentText(format);
        dialog.output_field()->setText(path);
        dialog.evidence_field()->setText(evidence);
        dialog.findChild<QDialogButtonBox*>()->button(QDialogButtonBox::Save)->click();
        QCOMPARE(dialog.result(), int(QDialog::Accepted));
    }

    void run_export(const QString& view, const QString& output, const QString& evidence) {
        const std::string arguments = "export '" + project.toStdString() + "' --view '" +
                                      view.toStdString() + "' -o '" + output.toStdString() +
                                      "' --evidence '" + evidence.toStdString() + "'";
        const auto run = dossier::testing::run_cli(arguments);
        QVERIFY2(run.exit_code == 0, run.out.c_str());
    }
};

QTEST_MAIN(OneViewTest)
#include "one_view_test.moc"
