// Exports of the community overview (issue 20, item 7): the window and `dossier export --view`
// fold the same communities, and an overview with a community unfolded and an entity hidden
// exports as drawn, from the Export dialog and from the view file it saves alike.
#include "../../bench/synthetic_network.h"
#include "dossier/graph/aggregate.h"
#include "dossier/graph/graph_snapshot.h"
#include "dossier/graph/project_communities.h"
#include "dossier/graph/view_spec.h"
#include "dossier/store/project.h"
#include "export/export_dialog.h"
#include "graph_view/graph_view.h"
#include "gui_fixture.h"
#include "process.h"
#include "state/community_groups.h"
#include "test_window.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDomDocument>
#include <QFile>
#include <QLineEdit>
#include <QTest>
#include <set>

using namespace dossier;
using namespace dossier::gui;
using namespace dossier::gui::testing;

namespace {

QDomDocument read_graphml(const QString& path) {
    QDomDocument doc;
    QFile file(path);
    if (file.open(QIODevice::ReadOnly))
        doc.setContent(file.readAll());
    return doc;
}

std::set<QString> node_ids(const QDomDocument& doc) {
    std::set<QString> out;
    const auto nodes = doc.elementsByTagName(QStringLiteral("node"));
    for (int i = 0; i < nodes.size(); ++i)
        out.insert(nodes.at(i).toElement().attribute(QStringLiteral("id")));
    return out;
}

// Each edge as its ends, the lower id first: what the window draws between two nodes.
std::set<std::pair<QString, QString>> edge_ends(const QDomDocument& doc) {
    std::set<std::pair<QString, QString>> out;
    const auto edges = doc.elementsByTagName(QStringLiteral("edge"));
    for (int i = 0; i < edges.size(); ++i) {
        const auto e = edges.at(i).toElement();
        auto a = e.attribute(QStringLiteral("source")), b = e.attribute(QStringLiteral("target"));
        out.insert(a < b ? std::pair(a, b) : std::pair(b, a));
    }
    return out;
}

// The GraphML's text without the window's positions (the command lays out anew).
QString without_positions(QDomDocument doc) {
    std::set<QString> keys;
    const auto key_elements = doc.elementsByTagName(QStringLiteral("key"));
    for (int i = key_elements.size(); i-- > 0;) {
        auto key = key_elements.at(i).toElement();
        const auto name = key.attribute(QStringLiteral("attr.name"));
        if (name == QLatin1String("x") || name == QLatin1String("y") ||
            name == QLatin1String("size") || name == QLatin1String("color")) {
            keys.insert(key.attribute(QStringLiteral("id")));
            key.parentNode().removeChild(key);
        }
    }
    const auto data = doc.elementsByTagName(QStringLiteral("data"));
    for (int i = data.size(); i-- > 0;) {
        auto d = data.at(i).toElement();
        if (keys.count(d.attribute(QStringLiteral("key"))))
            d.parentNode().removeChild(d);
    }
    return doc.toString();
}

QString node_key(const ExplorerGraph& graph, int node) {
    const auto& n = graph.nodes[static_cast<std::size_t>(node)];
    return n.is_group() ? QStringLiteral("c%1").arg(n.community.value())
                        : QString::number(n.id.value);
}

// What the window draws: its nodes by export id, and its edges by their drawn ends.
std::set<QString> drawn_nodes(const ExplorerState& state) {
    std::set<QString> out;
    const auto& graph = *state.graph();
    for (std::size_t i = 0; i < graph.nodes.size(); ++i)
        if (state.visible().node_visible[i])
            out.insert(node_key(graph, static_cast<int>(i)));
    return out;
}

std::set<std::pair<QString, QString>> drawn_edges(const ExplorerState& state) {
    std::set<std::pair<QString, QString>> out;
    const auto& graph = *state.graph();
    const auto& visible = state.visible();
    for (std::size_t e = 0; e < graph.edges.size(); ++e) {
        if (!visible.edge_visible[e])
            continue;
        auto a = node_key(graph, visible.drawn(graph.edges[e].source));
        auto b = node_key(graph, visible.drawn(graph.edges[e].target));
        out.insert(a < b ? std::pair(a, b) : std::pair(b, a));
    }
    return out;
}

} // namespace

class OverviewExportTest : public QObject {
    Q_OBJECT
    QTemporaryDir dir_;
    QString project_;

private slots:
    void initTestCase() {
        use_test_settings();
        QVERIFY(dir_.isValid());
        project_ = dir_.filePath(QStringLiteral("large.dossier"));
        bench::SyntheticProject spec;
        spec.entities = 900;
        spec.links_per_entity = 4;
        spec.documents = 90;
        bench::write_synthetic_project(spec, project_.toStdString());
    }

    void the_window_and_the_command_fold_the_same_communities() {
        TestWindow window(TestWindow::Hidden);
        QVERIFY(open_and_wait(window, project_));
        const auto& graph = *window.state()->graph();
        QVERIFY(graph.groups.built);
        auto project = store::Project::open(project_.toStdString(), store::OpenMode::ReadOnly);
        const auto core = graph::project_communities(
            graph::GraphSnapshot::build(project, graph::GraphFilter{}), kCommunitySeed);
        for (std::size_t i = 0; i < graph.entity_count(); ++i)
            QCOMPARE(core.community(graph.nodes[i].id), graph.nodes[i].community.value());
        int folded = 0;
        for (std::size_t i = graph.entity_count(); i < graph.nodes.size(); ++i) {
            const auto& community = core.communities[graph.nodes[i].community.slot()];
            QCOMPARE(graph.nodes[i].name.toStdString(),
                     graph::community_label(community.names, community.members.size(),
                                            kCommunityLabelMembers));
            ++folded;
        }
        QVERIFY2(folded > 5, qPrintable(QStringLiteral("%1 communities").arg(folded)));
    }

    void an_overview_with_a_community_unfolded_and_an_entity_hidden_exports_as_drawn() {
        TestWindow window(TestWindow::Hidden);
        QVERIFY(open_and_wait(window, project_));
        auto& state = *window.state();
        const auto& graph = *state.graph();
        const int group = static_cast<int>(graph.entity_count()); // a community of the overview
        const CommunityIndex community = graph.nodes[static_cast<std::size_t>(group)].community;
        state.unfold(community);
        EntityId hidden;
        for (std::size_t i = 0; i < graph.entity_count() && hidden.value == 0; ++i)
            if (graph.nodes[i].community == community)
                hidden = graph.nodes[i].id;
        state.hide({hidden});
        const auto nodes = drawn_nodes(state);
        QVERIFY(nodes.count(QStringLiteral("c%1").arg(community.value())) == 0);
        QVERIFY(nodes.count(QString::number(hidden.value)) == 0);

        QTemporaryDir out;
        const QString graphml = out.filePath(QStringLiteral("overview.graphml"));
        ExportDialog dialog(window.state(), window.graph_view()->style(), window.project_path(),
                            &window);
        QVERIFY(dialog.aggregate_box()->isChecked()); // the overview exports as drawn
        dialog.format_box()->setCurrentText(QStringLiteral("graphml"));
        dialog.output_field()->setText(graphml);
        const QString error = dialog.export_now();
        QVERIFY2(error.isEmpty(), qPrintable(error));

        const auto view = graph::load_view_spec(ExportDialog::view_path_for(graphml).toStdString());
        QVERIFY(view.aggregate.scope == graph::AggregateScope::Project);
        QCOMPARE(view.aggregate.unfolded, std::vector<int>{community.value()});
        QCOMPARE(view.filter.hidden_entities, std::vector<EntityId>{hidden});
        QCOMPARE(view.layout.value("overlap", std::string()), std::string("scale"));

        const auto from_dialog = read_graphml(graphml);
        QCOMPARE(node_ids(from_dialog), nodes);
        QCOMPARE(edge_ends(from_dialog), drawn_edges(state));

        const QString again = out.filePath(QStringLiteral("again.graphml"));
        const auto run =
            dossier::testing::run_cli("export '" + project_.toStdString() + "' --view '" +
                                      ExportDialog::view_path_for(graphml).toStdString() +
                                      "' -o '" + again.toStdString() + "'");
        QVERIFY2(run.exit_code == 0, run.out.c_str());
        QCOMPARE(without_positions(read_graphml(again)), without_positions(from_dialog));
    }
};

QTEST_MAIN(OverviewExportTest)
#include "overview_export_test.moc"
