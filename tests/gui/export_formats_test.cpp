// The export dialog writes every format of `dossier export`, and the view file it saves is the
// one the command reads: parsed back by core's parse_view_spec, it selects what the window showed,
// and `dossier export --view` regenerates the same data and the same evidence appendix.
#include "app/main_window.h"
#include "dossier/graph/view_spec.h"
#include "export/export_dialog.h"
#include "graph_view/graph_view.h"
#include "gui_fixture.h"
#include "panels/filters_panel.h"
#include "process.h"
#include "test_window.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDomDocument>
#include <QFile>
#include <QLineEdit>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTest>
#include <set>

using namespace dossier;
using namespace dossier::gui;
using dossier::gui::testing::GuiFixture;
using dossier::gui::testing::open_and_wait;
using dossier::gui::testing::TestWindow;
using dossier::gui::testing::use_test_settings;

namespace {

QByteArray read_all(const QString& path) {
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

// The ids of the GraphML's nodes and edges, and the labels of its nodes.
struct GraphmlContent {
    std::set<QString> nodes, edges, labels;
};

GraphmlContent graphml_content(const QString& path) {
    GraphmlContent out;
    QDomDocument doc;
    if (!doc.setContent(read_all(path)))
        return out;
    QString label_key;
    const auto keys = doc.elementsByTagName(QStringLiteral("key"));
    for (int i = 0; i < keys.size(); ++i) {
        const auto key = keys.at(i).toElement();
        if (key.attribute(QStringLiteral("for")) == QLatin1String("node") &&
            key.attribute(QStringLiteral("attr.name")) == QLatin1String("label"))
            label_key = key.attribute(QStringLiteral("id"));
    }
    const auto nodes = doc.elementsByTagName(QStringLiteral("node"));
    for (int i = 0; i < nodes.size(); ++i) {
        const auto node = nodes.at(i).toElement();
        out.nodes.insert(node.attribute(QStringLiteral("id")));
        const auto data = node.elementsByTagName(QStringLiteral("data"));
        for (int d = 0; d < data.size(); ++d)
            if (data.at(d).toElement().attribute(QStringLiteral("key")) == label_key)
                out.labels.insert(data.at(d).toElement().text());
    }
    const auto edges = doc.elementsByTagName(QStringLiteral("edge"));
    for (int i = 0; i < edges.size(); ++i)
        out.edges.insert(edges.at(i).toElement().attribute(QStringLiteral("id")));
    return out;
}

} // namespace

class ExportFormatsTest : public QObject {
    Q_OBJECT
private slots:
    void initTestCase() { use_test_settings(); }

    void the_dialog_offers_every_format_of_the_command() {
        GuiFixture fixture;
        TestWindow window(TestWindow::Hidden);
        QVERIFY(open_and_wait(window, fixture.path));
        ExportDialog dialog(window.state(), window.graph_view()->style(), window.project_path(),
                            &window);
        QStringList offered;
        for (int i = 0; i < dialog.format_box()->count(); ++i)
            offered << dialog.format_box()->itemText(i);
        QCOMPARE(offered,
                 (QStringList{"svg", "pdf", "png", "dot", "graphml", "gexf", "csv", "json"}));
    }

    void graphml_and_evidence_from_the_dialog_match_dossier_export_with_its_view_file() {
        GuiFixture fixture;
        TestWindow window(TestWindow::Hidden);
        QVERIFY(open_and_wait(window, fixture.path));
        window.filters_panel()->type_box(EntityType::Place)->setChecked(false); // Vienna leaves
        QTemporaryDir out;
        const QString graphml = out.filePath(QStringLiteral("network.graphml"));
        const QString evidence = out.filePath(QStringLiteral("evidence.csv"));
        ExportDialog dialog(window.state(), window.graph_view()->style(), window.project_path(),
                            &window);
        dialog.format_box()->setCurrentText(QStringLiteral("graphml"));
        dialog.output_field()->setText(graphml);
        dialog.evidence_field()->setText(evidence);
        dialog.findChild<QDialogButtonBox*>()->button(QDialogButtonBox::Save)->click();
        QCOMPARE(dialog.result(), int(QDialog::Accepted));

        const auto written = graphml_content(graphml);
        QCOMPARE(written.nodes.size(), std::size_t{GuiFixture::kEntities - 1});
        QVERIFY(written.labels.count(QStringLiteral("Norland")) == 1);
        QVERIFY(written.labels.count(QStringLiteral("Vienna")) == 0);
        const QByteArray appendix = read_all(evidence);
        QVERIFY2(appendix.contains(
                     QByteArray::fromStdString(dossier::gui::testing::kCooperationSentence)),
                 appendix.constData());

        // The view file, as core reads it: the window's filter, the chosen format.
        const QString view_path = ExportDialog::view_path_for(graphml);
        const auto view = graph::load_view_spec(view_path.toStdString());
        QVERIFY(std::find(view.filter.entity_types.begin(), view.filter.entity_types.end(),
                          EntityType::Place) == view.filter.entity_types.end());
        QVERIFY(std::find(view.filter.entity_types.begin(), view.filter.entity_types.end(),
                          EntityType::Person) != view.filter.entity_types.end());
        QCOMPARE(view.export_options.value("format", std::string()), std::string("graphml"));

        // The command, from the view file alone, writes the same nodes, edges and evidence.
        const QString again = out.filePath(QStringLiteral("again.graphml"));
        const QString again_evidence = out.filePath(QStringLiteral("again.csv"));
        const auto run = dossier::testing::run_cli(
            "export '" + fixture.path.toStdString() + "' --view '" + view_path.toStdString() +
            "' -o '" + again.toStdString() + "' --evidence '" + again_evidence.toStdString() + "'");
        QVERIFY2(run.exit_code == 0, run.out.c_str());
        const auto regenerated = graphml_content(again);
        QCOMPARE(regenerated.nodes, written.nodes);
        QCOMPARE(regenerated.edges, written.edges);
        QCOMPARE(regenerated.labels, written.labels);
        QCOMPARE(read_all(again_evidence), appendix);
    }

    void the_dialogs_top_entities_and_edge_weight_go_into_the_view_file_and_the_export() {
        GuiFixture fixture;
        TestWindow window(TestWindow::Hidden);
        QVERIFY(open_and_wait(window, fixture.path));
        QTemporaryDir out;
        const QString graphml = out.filePath(QStringLiteral("top.graphml"));
        ExportDialog dialog(window.state(), window.graph_view()->style(), window.project_path(),
                            &window);
        dialog.format_box()->setCurrentText(QStringLiteral("graphml"));
        dialog.output_field()->setText(graphml);
        dialog.top_box()->setValue(3);
        dialog.edge_weight_box()->setCurrentIndex(
            dialog.edge_weight_box()->findData(QStringLiteral("opacity")));
        QCOMPARE(dialog.export_now(), QString());
        QCOMPARE(graphml_content(graphml).nodes.size(), std::size_t{3});
        const auto view = graph::load_view_spec(ExportDialog::view_path_for(graphml).toStdString());
        QCOMPARE(view.filter.top_n, std::size_t{3});
        QCOMPARE(view.filter.top_metric, std::string("pagerank"));
        QCOMPARE(view.style.value("edge_weight", std::string()), std::string("opacity"));
        const QString again = out.filePath(QStringLiteral("again.graphml"));
        const auto run =
            dossier::testing::run_cli("export '" + fixture.path.toStdString() + "' --view '" +
                                      ExportDialog::view_path_for(graphml).toStdString() +
                                      "' -o '" + again.toStdString() + "'");
        QVERIFY2(run.exit_code == 0, run.out.c_str());
        QCOMPARE(graphml_content(again).nodes, graphml_content(graphml).nodes);
    }
};

QTEST_MAIN(ExportFormatsTest)
#include "export_formats_test.moc"
