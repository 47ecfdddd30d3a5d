// The explorer at real size (docs/GUI.md, "Overview first"): a project above kOverviewAbove
// entities opens on its communities; unfolding one puts its members in its place and moves
// nothing else; a focus grows from one entity by its neighbours; Back and Forward walk these
// steps; dates are off the graph until ticked; the status bar says how much is drawn.
#include "../../bench/synthetic_network.h"
#include "graph_view/graph_view.h"
#include "gui_fixture.h"
#include "jobs/layout_controller.h"
#include "panels/details_panel.h"
#include "panels/entities_panel.h"
#include "panels/filters_panel.h"
#include "state/community_groups.h"
#include "test_window.h"

#include <QCheckBox>
#include <QSignalSpy>
#include <QTest>
#include <cmath>
#include <map>
#include <type_traits>

using namespace dossier;
using namespace dossier::gui;
using namespace dossier::gui::testing;

namespace {

constexpr std::size_t kLargeEntities = 1200;

// Every drawn node's position, by id.
std::map<std::int64_t, QPointF> drawn_positions(const ExplorerState& state) {
    std::map<std::int64_t, QPointF> out;
    const auto& graph = *state.graph();
    for (std::size_t i = 0; i < graph.nodes.size(); ++i)
        if (state.visible().node_visible[i])
            out[graph.nodes[i].id.value] = graph.nodes[i].position;
    return out;
}

// The drawn community with the most members.
CommunityIndex largest_drawn_community(const ExplorerState& state) {
    const auto& graph = *state.graph();
    int best = -1;
    for (std::size_t i = graph.entity_count(); i < graph.nodes.size(); ++i)
        if (state.visible().node_visible[i] &&
            (best < 0 ||
             graph.nodes[i].members > graph.nodes[static_cast<std::size_t>(best)].members))
            best = static_cast<int>(i);
    return best < 0 ? CommunityIndex::none()
                    : graph.nodes[static_cast<std::size_t>(best)].community;
}

std::vector<EntityId> drawn_entities(const ExplorerState& state) {
    std::vector<EntityId> out;
    const auto& graph = *state.graph();
    for (std::size_t i = 0; i < graph.entity_count(); ++i)
        if (state.visible().node_visible[i])
            out.push_back(graph.nodes[i].id);
    return out;
}

// A community is not a node index nor an entity id (explorer_graph.h): none of the overview's
// steps takes one of those where it means a community.
static_assert(!std::is_constructible_v<CommunityIndex, EntityId>);
static_assert(!std::is_convertible_v<int, CommunityIndex>);
static_assert(
    !std::is_invocable_v<decltype(&ExplorerGraph::group_node), const ExplorerGraph&, int>);
static_assert(
    !std::is_invocable_v<decltype(&ExplorerGraph::group_node), const ExplorerGraph&, EntityId>);
// A community's disc is a NodeKey, never an EntityId: the key does not turn back into one.
static_assert(std::is_convertible_v<CommunityIndex, NodeKey>);
static_assert(std::is_convertible_v<EntityId, NodeKey>);
static_assert(!std::is_convertible_v<NodeKey, EntityId>);
static_assert(!std::is_constructible_v<EntityId, NodeKey>);
static_assert(!std::is_constructible_v<CommunityIndex, NodeKey>);
static_assert(!std::is_invocable_v<decltype(&place_members_around), ExplorerGraph&, int>);
static_assert(!std::is_invocable_v<decltype(&ExplorerState::unfold), ExplorerState&, int>);
static_assert(
    std::is_invocable_v<decltype(&ExplorerState::unfold), ExplorerState&, CommunityIndex>);

} // namespace

class OverviewTest : public QObject {
    Q_OBJECT
    QTemporaryDir dir_;
    QString large_;

private:
    // Opens the large project in the shown `window`, fitted, and finds its largest drawn
    // community and where on screen its disc is.
    bool show_largest_community(TestWindow& window, CommunityIndex& community, QPointF& at) {
        if (!window.exposed() || !open_and_wait(window, large_))
            return false;
        window.graph_view()->fit_view();
        community = largest_drawn_community(*window.state());
        const auto position = window.graph_view()->screen_position(community);
        if (!community.valid() || !position)
            return false;
        at = *position;
        return true;
    }

private slots:
    void initTestCase() {
        use_test_settings();
        QVERIFY(dir_.isValid());
        large_ = dir_.filePath(QStringLiteral("large.dossier"));
        bench::SyntheticProject spec;
        spec.entities = kLargeEntities;
        spec.links_per_entity = 4;
        spec.documents = 120;
        bench::write_synthetic_project(spec, large_.toStdString());
    }

    // Community numbers and node indices overlap (community 0 and the node at index 0 are
    // different things): the overview goes from an entity to its community, and from a community
    // to its node and members, never through the other number.
    void a_community_and_the_node_of_the_same_number_are_kept_apart() {
        ExplorerGraph graph;
        const int community_of[] = {1, 1, 0, 0, 0}; // the entity at node 0 is in community 1
        for (int i = 0; i < 5; ++i) {
            ExplorerNode node;
            node.id = EntityId{i + 1};
            node.name = QStringLiteral("Entity %1").arg(i + 1);
            node.community = CommunityIndex{community_of[i]};
            node.position = QPointF(100.0 * i, 0);
            graph.nodes.push_back(node);
        }
        graph.rebuild_index();
        add_community_groups(graph);
        QCOMPARE(graph.entity_count(), std::size_t{5});
        const int node_of_0 = graph.group_node(CommunityIndex{0});
        const int node_of_1 = graph.group_node(CommunityIndex{1});
        QCOMPARE(node_of_0, 5);
        QCOMPARE(node_of_1, 6);
        QCOMPARE(graph.nodes[5].members, 3);
        QCOMPARE(graph.nodes[6].members, 2);
        // The entity at node 0 goes to its own community's node, not to community 0's.
        QCOMPARE(graph.group_node(graph.nodes[0].community), node_of_1);
        // A community's node has no entity id; it is found by its community's key.
        QVERIFY(!graph.nodes[5].id.valid());
        QVERIFY(graph.nodes[5].key() == NodeKey(CommunityIndex{0}));
        QVERIFY(graph.nodes[0].key() == NodeKey(EntityId{1}));
        QCOMPARE(graph.find(NodeKey(CommunityIndex{0})), 5);
        QCOMPARE(graph.find(NodeKey(CommunityIndex{1})), 6);
        QCOMPARE(graph.find(EntityId{}), -1);
        QCOMPARE(graph.find(EntityId{1}), 0);
        QCOMPARE(graph.group_node(CommunityIndex::none()), -1);
        QCOMPARE(graph.group_node(CommunityIndex{2}), -1);
        // Unfolding community 0 moves its members (nodes 2, 3, 4), not node 0's community.
        QCOMPARE(place_members_around(graph, CommunityIndex{0}), (std::vector<int>{2, 3, 4}));
        QCOMPARE(graph.nodes[0].position, QPointF(0, 0));
        QCOMPARE(graph.nodes[1].position, QPointF(100, 0));
    }

    void a_large_project_opens_on_its_communities() {
        TestWindow window(TestWindow::Hidden);
        QVERIFY(open_and_wait(window, large_));
        const auto& state = *window.state();
        const auto& graph = *state.graph();
        QCOMPARE(state.presentation().mode, ShowMode::Communities);
        QVERIFY(graph.groups.built);
        QCOMPARE(graph.entity_count(), kLargeEntities);
        const auto drawn = drawn_counts(graph, state.visible());
        QVERIFY2(drawn.communities >= 2, "a Barabási-Albert network of 1,200 has communities");
        // Far fewer nodes than entities, and every entity is drawn once: itself or in its node.
        QVERIFY(drawn.entities + drawn.communities < static_cast<int>(kLargeEntities) / 10);
        QCOMPARE(drawn.entities + drawn.folded_entities, static_cast<int>(kLargeEntities));
        for (std::size_t i = 0; i < graph.entity_count(); ++i)
            if (state.visible().node_visible[i])
                QVERIFY(graph.group_node(graph.nodes[i].community) < 0);
        // A community edge joins two drawn nodes and weighs what its relations weigh together.
        double drawn_weight = 0;
        for (std::size_t e = graph.relation_count(); e < graph.edges.size(); ++e)
            if (state.visible().edge_visible[e]) {
                QVERIFY(
                    state.visible().node_visible[static_cast<std::size_t>(graph.edges[e].source)]);
                QVERIFY(
                    state.visible().node_visible[static_cast<std::size_t>(graph.edges[e].target)]);
                drawn_weight += graph.edges[e].weight;
            }
        double between = 0;
        for (std::size_t e = 0; e < graph.relation_count(); ++e)
            if (graph.nodes[static_cast<std::size_t>(graph.edges[e].source)].community !=
                graph.nodes[static_cast<std::size_t>(graph.edges[e].target)].community)
                between += graph.edges[e].weight;
        QCOMPARE(drawn_weight, between);
        // The Entities table lists entities, not the overview's community nodes.
        QCOMPARE(window.entities_panel()->model()->rowCount(), static_cast<int>(kLargeEntities));
        QVERIFY2(window.status_counts().contains(
                     QStringLiteral("communities standing for %1 entities").arg(kLargeEntities)),
                 qPrintable(window.status_counts()));
    }

    void double_clicking_a_community_unfolds_it_in_place_and_back_folds_it() {
        TestWindow window(QSize(1200, 800));
        CommunityIndex community;
        QPointF at;
        QVERIFY(show_largest_community(window, community, at));
        auto& state = *window.state();
        const auto before = drawn_positions(state);
        const int group = state.graph()->group_node(community);
        const QPointF centre = state.graph()->nodes[static_cast<std::size_t>(group)].position;
        QTest::mouseDClick(window.graph_view(), Qt::LeftButton, {}, at.toPoint());

        QVERIFY(state.presentation().is_unfolded(community));
        const auto& graph = *state.graph();
        QVERIFY(!state.visible().node_visible[static_cast<std::size_t>(group)]);
        const int members = graph.nodes[static_cast<std::size_t>(group)].members;
        int drawn_members = 0;
        for (std::size_t i = 0; i < graph.entity_count(); ++i) {
            if (graph.nodes[i].community != community)
                continue;
            QVERIFY(state.visible().node_visible[i]);
            ++drawn_members;
            // Inside the disc the community's node was laid out with.
            QVERIFY(std::hypot(graph.nodes[i].position.x() - centre.x(),
                               graph.nodes[i].position.y() - centre.y()) <=
                    unfolded_radius(members));
        }
        QCOMPARE(drawn_members, members);
        // Everything else stays where it was.
        for (const auto& [id, position] : drawn_positions(state))
            if (before.count(id))
                QCOMPARE(position, before.at(id));
        QVERIFY(state.can_go_back());

        state.go_back();
        QVERIFY(!state.presentation().is_unfolded(community));
        QVERIFY(state.visible().node_visible[static_cast<std::size_t>(group)]);
        QCOMPARE(drawn_positions(state).size(), before.size());
        state.go_forward();
        QVERIFY(state.presentation().is_unfolded(community));
        QVERIFY(!state.visible().node_visible[static_cast<std::size_t>(group)]);
    }

    // A click on a disc selects the community (its details show), and the actions meant for
    // entities leave it alone: hiding a selection of discs hides nothing, and a click beside it
    // with Ctrl adds an entity to the selection without the disc turning into one.
    void a_clicked_community_is_selected_as_a_community() {
        TestWindow window(QSize(1200, 800));
        CommunityIndex community;
        QPointF at;
        QVERIFY(show_largest_community(window, community, at));
        auto& state = *window.state();
        QTest::mouseClick(window.graph_view(), Qt::LeftButton, {}, at.toPoint());

        QCOMPARE(state.selection().size(), 1);
        QVERIFY(state.selection().front() == NodeKey(community));
        QVERIFY(state.selected_entities().isEmpty());
        QVERIFY2(window.details_panel()->plain_text().contains(QStringLiteral("A community of")),
                 qPrintable(window.details_panel()->plain_text()));
        QVERIFY(window.status_counts().contains(QStringLiteral("1 selected")));

        QAction* hide = nullptr;
        for (auto* a : window.findChildren<QAction*>())
            if (a->text() == QStringLiteral("&Hide Selection"))
                hide = a;
        QVERIFY(hide);
        QVERIFY(!hide->isEnabled());
        hide->trigger(); // as a shortcut would, were it on
        QVERIFY(state.presentation().hidden.empty());

        // An entity added (as the Entities table or a search would): both are selected, each as
        // what it is, and Hide now hides the entity alone.
        const EntityId id = state.graph()->nodes.front().id;
        state.toggle(id);
        QCOMPARE(state.selection().size(), 2);
        QCOMPARE(state.selected_entities(), QList<EntityId>{id});
        QVERIFY(hide->isEnabled());
        hide->trigger();
        QVERIFY(state.presentation().hidden == std::vector<EntityId>{id});
    }

    // Graphviz lays out the unfolded members on their own (seeded) and they are fitted into the
    // community's disc: nothing else moves, and the same step gives the same positions.
    void an_unfolded_community_is_laid_out_inside_its_disc_reproducibly() {
        std::vector<std::map<std::int64_t, QPointF>> runs;
        for (int run = 0; run < 2; ++run) {
            TestWindow window(TestWindow::Hidden);
            QVERIFY(open_and_wait(window, large_));
            auto& state = *window.state();
            const CommunityIndex community = largest_drawn_community(state);
            const int group = state.graph()->group_node(community);
            const QPointF centre = state.graph()->nodes[static_cast<std::size_t>(group)].position;
            const int members = state.graph()->nodes[static_cast<std::size_t>(group)].members;
            state.unfold(community);
            const auto before = drawn_positions(state);
            QSignalSpy finished(&window, &MainWindow::layout_finished);
            window.layout_controller()->layout_community(community);
            QVERIFY(finished.wait(60000));
            QCOMPARE(finished.first().first().toBool(), true);
            const auto& graph = *state.graph();
            std::map<std::int64_t, QPointF> inside;
            for (std::size_t i = 0; i < graph.entity_count(); ++i) {
                const auto& node = graph.nodes[i];
                if (node.community != community) {
                    if (before.count(node.id.value))
                        QCOMPARE(node.position, before.at(node.id.value));
                    continue;
                }
                QVERIFY(
                    std::hypot(node.position.x() - centre.x(), node.position.y() - centre.y()) <=
                    unfolded_radius(members) + 1e-6);
                inside[node.id.value] = node.position;
            }
            // Not the sunflower any more: Graphviz placed them.
            std::map<std::int64_t, QPointF> sunflower;
            for (const auto& [id, p] : before)
                if (inside.count(id))
                    sunflower[id] = p;
            QVERIFY(inside != sunflower);
            runs.push_back(inside);
        }
        QCOMPARE(runs[0], runs[1]);
    }

    void a_focus_grows_by_neighbours_hides_and_walks_back() {
        GuiFixture fixture;
        TestWindow window(TestWindow::Hidden);
        QVERIFY(open_and_wait(window, fixture.path));
        auto& state = *window.state();
        QCOMPARE(state.presentation().mode, ShowMode::Everything); // small: everything
        const EntityId prusk = fixture.entity.at("Valdemar Prusk");
        const EntityId norland = fixture.entity.at("Norland");
        state.focus_on(prusk);
        // Prusk and his one neighbour (the fixture's relation Prusk - Norland).
        auto focus = drawn_entities(state);
        QVERIFY(std::find(focus.begin(), focus.end(), prusk) != focus.end());
        QVERIFY(std::find(focus.begin(), focus.end(), norland) != focus.end());
        const auto first_step = focus.size();
        QCOMPARE(first_step, std::size_t{2});
        QVERIFY(window.status_counts().contains(
            QStringLiteral("(%1 of %2 entities)").arg(first_step).arg(GuiFixture::kEntities)));

        state.add_neighbours(norland); // Ostravia
        QCOMPARE(drawn_entities(state).size(), first_step + 1);
        // Only one type: Norland's neighbours that are persons add nothing new.
        state.go_back();
        state.add_neighbours(norland, {EntityType::Person});
        QCOMPARE(drawn_entities(state).size(), first_step);
        state.add_neighbours(norland, {EntityType::Country});
        for (const auto& id : drawn_entities(state)) {
            const auto& node =
                state.graph()->nodes[static_cast<std::size_t>(state.graph()->find(id))];
            QVERIFY(node.type == EntityType::Country || std::count(focus.begin(), focus.end(), id));
        }
        QCOMPARE(drawn_entities(state).size(), first_step + 1);
        state.hide({norland});
        const auto after_hide = drawn_entities(state);
        QVERIFY(std::find(after_hide.begin(), after_hide.end(), norland) == after_hide.end());

        state.go_back(); // unhide
        state.go_back(); // the countries step (the persons step changed nothing: no step)
        QCOMPARE(drawn_entities(state).size(), first_step);
        state.go_back(); // before the focus
        QCOMPARE(state.presentation().mode, ShowMode::Everything);
        QCOMPARE(state.visible().node_count, GuiFixture::kEntities);
        QVERIFY(!state.can_go_back());
        state.go_forward();
        QCOMPARE(drawn_entities(state).size(), first_step);
    }

    void dates_are_off_the_graph_until_ticked() {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("dated.dossier"));
        {
            auto project =
                store::Project::open(path.toStdString(), store::OpenMode::CreateIfMissing);
            store::GraphSourceWriter writer(project);
            const auto gromyko = writer.add_entity(EntityType::Person, "Andrei Gromyko");
            const auto rusk = writer.add_entity(EntityType::Person, "Dean Rusk");
            const auto date = writer.add_entity(EntityType::Date, "2 October 1980");
            writer.add_relation("meets_with", gromyko, rusk, false, 2);
            writer.add_relation("co_occurs_sentence", gromyko, date, false, 1);
        }
        TestWindow window(TestWindow::Hidden);
        QVERIFY(open_and_wait(window, path));
        QCOMPARE(window.state()->visible().node_count, 2);
        QCOMPARE(window.state()->visible().edge_count, 1);
        QVERIFY(!window.filters_panel()->type_box(EntityType::Date)->isChecked());
        window.filters_panel()->type_box(EntityType::Date)->setChecked(true);
        QCOMPARE(window.state()->visible().node_count, 3);
        QCOMPARE(window.state()->visible().edge_count, 2);
    }
};

QTEST_MAIN(OverviewTest)
#include "overview_test.moc"
