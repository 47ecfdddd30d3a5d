// Pinned node positions belong to the entity's identity (type + key), not its row id: they
// survive `dossier extract` re-creating every extracted entity, and projects made before schema
// v3 keep their pins through the migration.
#include "dossier/store/curation_store.h"
#include "dossier/store/entity_store.h"
#include "dossier/store/project.h"
#include "process.h"
#include "test_support.h"

#include <cmath>
#include <gtest/gtest.h>
#include <pugixml.hpp>
#include <regex>

namespace dossier::exporting {
namespace {

using dossier::testing::run_cli;
using dossier::testing::TempDir;

const std::string kMemo =
    "MEMORANDUM OF CONVERSATION\n\nSUBJECT: Grain deliveries to Poland\n\n"
    "Ambassador Karl Lindqvist met Secretary of State Dean Rusk. Lindqvist said that Sweden "
    "supports the grain deliveries to Poland. Rusk replied that the United States would consult "
    "France.\n";

std::string q(const std::filesystem::path& path) {
    return "'" + path.string() + "'";
}

class PinnedPositions : public ::testing::Test {
protected:
    TempDir dir;
    std::filesystem::path project_path = dir / "pins.dossier";

    void SetUp() override {
        dossier::testing::write_file(dir / "in" / "memo.txt", kMemo);
        const auto imported =
            run_cli("import --quiet " + q(project_path) + " " + q(dir / "in" / "memo.txt"));
        ASSERT_EQ(imported.exit_code, 0) << imported.out;
    }

    EntityId entity_named(const std::string& name) {
        auto project = store::Project::open(project_path, store::OpenMode::ReadOnly);
        const auto found = store::EntityStore(project).find_by_name(name);
        return found.entity ? found.entity->id : EntityId{};
    }

    void pin(EntityId entity, double x, double y, bool pinned = true) {
        auto project = store::Project::open(project_path, store::OpenMode::ReadWrite);
        store::Transaction tx(project);
        store::CurationStore(project).set_position({entity, x, y, pinned});
        tx.commit();
    }

    std::optional<store::NodePosition> position_of(EntityId entity) {
        auto project = store::Project::open(project_path, store::OpenMode::ReadOnly);
        return store::CurationStore(project).position(entity);
    }
};

TEST_F(PinnedPositions, PinSurvivesReExtractionOnTheRecreatedEntity) {
    const auto rusk = entity_named("Dean Rusk");
    const auto sweden = entity_named("Sweden");
    ASSERT_TRUE(rusk.valid());
    ASSERT_TRUE(sweden.valid());
    pin(rusk, 120.5, -40.25);
    pin(sweden, 3, 4, false);

    // Re-extraction deletes every extracted entity and creates them again. An extra document
    // imported first makes the new ids differ from the old ones.
    dossier::testing::write_file(dir / "in" / "note.txt",
                                 "Note. Dean Rusk will see the ambassador of Norway in Oslo.\n");
    auto r = run_cli("import --quiet --no-extract " + q(project_path) + " " +
                     q(dir / "in" / "note.txt"));
    ASSERT_EQ(r.exit_code, 0) << r.out;
    r = run_cli("extract " + q(project_path));
    ASSERT_EQ(r.exit_code, 0) << r.out;

    const auto rusk_again = entity_named("Dean Rusk");
    ASSERT_TRUE(rusk_again.valid());
    const auto pinned = position_of(rusk_again);
    ASSERT_TRUE(pinned.has_value()) << "the pin of Dean Rusk vanished with re-extraction";
    EXPECT_EQ(pinned->entity, rusk_again);
    EXPECT_DOUBLE_EQ(pinned->x, 120.5);
    EXPECT_DOUBLE_EQ(pinned->y, -40.25);
    EXPECT_TRUE(pinned->pinned);

    auto project = store::Project::open(project_path, store::OpenMode::ReadOnly);
    store::CurationStore curation(project);
    const auto only_pins = curation.positions(true);
    ASSERT_EQ(only_pins.size(), 1u);
    EXPECT_EQ(only_pins[0].entity, rusk_again);
    const auto all = curation.positions();
    ASSERT_EQ(all.size(), 2u);
    const auto sweden_again = entity_named("Sweden");
    EXPECT_TRUE(all[0].entity == sweden_again || all[1].entity == sweden_again);
}

TEST_F(PinnedPositions, ClearPinAndRemoveActOnTheIdentity) {
    const auto rusk = entity_named("Dean Rusk");
    ASSERT_TRUE(rusk.valid());
    pin(rusk, 1, 2);
    {
        auto project = store::Project::open(project_path, store::OpenMode::ReadWrite);
        store::Transaction tx(project);
        store::CurationStore(project).clear_pin(rusk);
        tx.commit();
    }
    auto kept = position_of(rusk);
    ASSERT_TRUE(kept.has_value());
    EXPECT_FALSE(kept->pinned);
    EXPECT_DOUBLE_EQ(kept->x, 1);
    {
        auto project = store::Project::open(project_path, store::OpenMode::ReadWrite);
        store::Transaction tx(project);
        store::CurationStore(project).remove_position(rusk);
        tx.commit();
    }
    EXPECT_FALSE(position_of(rusk).has_value());
}

// A project written before schema v3 (positions keyed by entity id) keeps its pins.
TEST_F(PinnedPositions, MigrationMovesIdKeyedPositionsToIdentities) {
    const auto rusk = entity_named("Dean Rusk");
    ASSERT_TRUE(rusk.valid());
    const std::string old_schema =
        "DROP TABLE node_positions;"
        "CREATE TABLE node_positions (entity_id INTEGER PRIMARY KEY REFERENCES entities(id) ON "
        "DELETE CASCADE, x REAL NOT NULL, y REAL NOT NULL, pinned INTEGER NOT NULL DEFAULT 0);"
        "INSERT INTO node_positions VALUES (" +
        std::to_string(rusk.value) + ", 7.5, 8.5, 1);PRAGMA user_version = 2;";
    const std::string command = "/usr/bin/sqlite3 " + q(project_path) + " '" + old_schema + "'";
    ASSERT_EQ(std::system(command.c_str()), 0) << command;

    auto project = store::Project::open(project_path, store::OpenMode::ReadWrite);
    EXPECT_EQ(project.schema_version(), store::Project::current_schema_version());
    const auto migrated = store::CurationStore(project).position(rusk);
    ASSERT_TRUE(migrated.has_value());
    EXPECT_DOUBLE_EQ(migrated->x, 7.5);
    EXPECT_DOUBLE_EQ(migrated->y, 8.5);
    EXPECT_TRUE(migrated->pinned);
}

// The "pos" attribute of the node labelled `label` in a DOT file written by `dossier export`.
std::string dot_position(const std::string& dot, const std::string& label) {
    const std::regex line("\\[label=\"" + label + "\"[^\\n]*pos=\"([^\"]*)\"");
    std::smatch match;
    return std::regex_search(dot, match, line) ? match[1].str() : std::string();
}

// x and y of node `id` in a GraphML file, read back with pugixml.
std::pair<double, double> graphml_position(const std::filesystem::path& file,
                                           const std::string& id) {
    pugi::xml_document doc;
    EXPECT_TRUE(doc.load_file(file.c_str()));
    const auto node = doc.select_node(("//*[local-name()='node'][@id='" + id + "']").c_str());
    EXPECT_TRUE(node) << id;
    double x = NAN, y = NAN;
    for (const auto& data : node.node().children()) {
        if (std::string(data.attribute("key").value()) == "x")
            x = std::stod(data.child_value());
        if (std::string(data.attribute("key").value()) == "y")
            y = std::stod(data.child_value());
    }
    return {x, y};
}

TEST_F(PinnedPositions, ExportKeepsTheProjectsPinsWhereTheAnalystPutThem) {
    const auto rusk = entity_named("Dean Rusk");
    const auto sweden = entity_named("Sweden");
    ASSERT_TRUE(rusk.valid());
    ASSERT_TRUE(sweden.valid());
    pin(rusk, 120.5, -40.25);
    pin(sweden, -300, 210);
    // Re-extraction in between: the pins follow the re-created entities into the export.
    auto r = run_cli("extract " + q(project_path));
    ASSERT_EQ(r.exit_code, 0) << r.out;
    for (const std::string engine : {"neato", "fdp"}) {
        const auto dot = dir / (engine + ".dot");
        r = run_cli("export " + q(project_path) + " --format dot --layout " + engine +
                    " --seed 4 -o " + q(dot));
        ASSERT_EQ(r.exit_code, 0) << r.out;
        const auto text = dossier::testing::read_file(dot);
        EXPECT_EQ(dot_position(text, "Dean Rusk"), "120.5,-40.25!") << engine << "\n" << text;
        EXPECT_EQ(dot_position(text, "Sweden"), "-300,210!") << engine << "\n" << text;
    }
    // No engine chosen: a graph this small gets neato, which honours the pins.
    const auto svg = dir / "pinned.svg";
    r = run_cli("export " + q(project_path) + " --format svg -o " + q(svg));
    ASSERT_EQ(r.exit_code, 0) << r.out;
    EXPECT_EQ(r.out.find("does not honour"), std::string::npos) << r.out;

    // sfdp cannot pin: the export goes through and says so on stderr.
    r = run_cli("export " + q(project_path) + " --format dot --layout sfdp -o " +
                q(dir / "sfdp.dot"));
    ASSERT_EQ(r.exit_code, 0) << r.out;
    EXPECT_NE(r.out.find("engine sfdp does not honour pinned positions"), std::string::npos)
        << r.out;
}

TEST_F(PinnedPositions, TheViewFilesPinsWinOverTheProjectsAndAreSavedAgain) {
    const auto rusk = entity_named("Dean Rusk");
    const auto sweden = entity_named("Sweden");
    ASSERT_TRUE(rusk.valid());
    ASSERT_TRUE(sweden.valid());
    pin(rusk, 10, 20);
    const std::string view = R"({"layout": {"engine": "neato", "seed": 2, "pinned": {")" +
                             std::to_string(rusk.value) + R"(": [55.5, 66], ")" +
                             std::to_string(sweden.value) + R"(": [-80, 0.25]}}})";
    dossier::testing::write_file(dir / "view.json", view);
    const auto graphml = dir / "view.graphml";
    auto r =
        run_cli("export " + q(project_path) + " --format graphml --view " + q(dir / "view.json") +
                " -o " + q(graphml) + " --save-view " + q(dir / "saved.json"));
    ASSERT_EQ(r.exit_code, 0) << r.out;
    const auto [rx, ry] = graphml_position(graphml, std::to_string(rusk.value));
    EXPECT_DOUBLE_EQ(rx, 55.5);
    EXPECT_DOUBLE_EQ(ry, 66);
    const auto [sx, sy] = graphml_position(graphml, std::to_string(sweden.value));
    EXPECT_DOUBLE_EQ(sx, -80);
    EXPECT_DOUBLE_EQ(sy, 0.25);

    // The saved view carries the pins, so it regenerates the same file on its own.
    const auto again = dir / "again.graphml";
    r = run_cli("export " + q(project_path) + " --view " + q(dir / "saved.json") + " -o " +
                q(again));
    ASSERT_EQ(r.exit_code, 0) << r.out;
    EXPECT_EQ(dossier::testing::read_file(graphml), dossier::testing::read_file(again));
}

} // namespace
} // namespace dossier::exporting
