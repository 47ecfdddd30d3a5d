// Curation and questions from the real MainWindow, offscreen, on real project files: corrections
// go through the Curate actions and dialogs (or the controller they call), land in the project
// as curation records, are undone and redone through the window's undo stack, and every view
// follows; paths, ego networks and "appear together" answer on the fixture's known sentences.
#include "app/main_window.h"
#include "curation/corrections_log_panel.h"
#include "curation/curation_controller.h"
#include "curation/curation_dialogs.h"
#include "curation/curation_ui.h"
#include "dossier/store/curation_store.h"
#include "dossier/store/entity_store.h"
#include "dossier/store/extraction_lock.h"
#include "graph_view/graph_view.h"
#include "gui_fixture.h"
#include "panels/documents_panel.h"
#include "panels/entities_panel.h"
#include "panels/entity_timeline_panel.h"
#include "questions/path_panel.h"
#include "questions/together_panel.h"
#include "state/explorer_graph.h"
#include "test_window.h"

#include <QAbstractItemView>
#include <QAction>
#include <QApplication>
#include <QCompleter>
#include <QContextMenuEvent>
#include <QDir>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMenu>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTableView>
#include <QTableWidget>
#include <QTest>
#include <QTextBrowser>
#include <QTimer>
#include <QUndoStack>

using namespace dossier;
using namespace dossier::gui;
using dossier::gui::testing::and_reload;
using dossier::gui::testing::GuiFixture;
using dossier::gui::testing::kMemo;
using dossier::gui::testing::kProtocol;
using dossier::gui::testing::open_and_wait;
using dossier::gui::testing::TestWindow;
using dossier::gui::testing::use_test_settings;

namespace {

// The fixture plus what curation needs to have something to correct: "Okonkvo", a misspelt
// duplicate of Okonkwo with one mention in a fourth document, and the bare "Prusk" of the
// protocol as a mention of Valdemar Prusk written by its alias.
struct CurationFixture : GuiFixture {
    static constexpr int kEntities = GuiFixture::kEntities + 1;
    EntityId okonkvo;
    std::string misspelt_text = "Okonkvo signed for Ostravia.";

    CurationFixture() {
        auto project = store::Project::open(path.toStdString(), store::OpenMode::ReadWrite);
        store::Transaction tx(project);
        Document doc;
        doc.sha256 = "fixture-cable";
        doc.source_path = "cable.txt";
        doc.format = "text";
        doc.title = "Cable 7 from Ostravia";
        doc.date = *parse_iso_date("1960-06-01");
        doc.text = misspelt_text;
        document[doc.title] = store::DocumentStore(project).insert(doc, doc.text.size());
        store::GraphSourceWriter writer(project);
        okonkvo = writer.add_entity(EntityType::Person, "Okonkvo");
        entity["Okonkvo"] = okonkvo;
        writer.add_mention(okonkvo, document[doc.title], 0, 7);
        const auto prusk = kProtocol.text.rfind("Prusk");
        writer.add_mention(entity["Valdemar Prusk"], document[kProtocol.title],
                           static_cast<std::uint32_t>(prusk),
                           static_cast<std::uint32_t>(prusk + 5));
        tx.commit();
    }

    std::optional<store::EntitySummary> listed(const std::string& name) const {
        auto project = store::Project::open(path.toStdString(), store::OpenMode::ReadOnly);
        for (auto& e : store::EntityStore(project).list())
            if (e.canonical_name == name)
                return e;
        return std::nullopt;
    }
    std::vector<store::CurationRecord> records() const {
        auto project = store::Project::open(path.toStdString(), store::OpenMode::ReadOnly);
        return store::CurationStore(project).records();
    }
};

CurationUi* curation_of(MainWindow& window) {
    return window.findChild<CurationUi*>(QStringLiteral("curationUi"));
}

// The names the Entities table lists.
QStringList table_names(MainWindow& window) {
    QStringList names;
    auto* model = window.entities_panel()->table()->model();
    for (int r = 0; r < model->rowCount(); ++r)
        names << model->index(r, 0).data().toString();
    return names;
}

QAction* action(MainWindow& window, const char* name) {
    return window.findChild<QAction*>(QString::fromLatin1(name));
}

QAction* edit_action(MainWindow& window, QKeySequence::StandardKey key) {
    for (auto* a : window.findChildren<QAction*>())
        if (a->shortcut() == QKeySequence(key) && a->isEnabled())
            return a;
    return nullptr;
}

} // namespace

class CurationTest : public QObject {
    Q_OBJECT
private slots:
    void initTestCase() { use_test_settings(); }

    void merge_from_the_dialog_then_undo_and_redo() {
        CurationFixture fixture;
        TestWindow window;
        QVERIFY(open_and_wait(window, fixture.path));
        QCOMPARE(window.entities_panel()->shown_rows(), CurationFixture::kEntities);
        const auto okonkwo = fixture.entity["Okonkwo"];
        const auto mentions_before = fixture.listed("Okonkwo")->mentions;

        // Select both and answer the Merge dialog the Curate menu opens.
        window.state()->select_entities({fixture.okonkvo, okonkwo});
        bool dialog_seen = false;
        QTimer::singleShot(0, [&] {
            auto* dialog = window.findChild<MergeDialog*>();
            if (!dialog)
                return; // the trigger below then fails the test instead of blocking it
            dialog_seen = true;
            // The better attested Okonkwo is offered as the survivor.
            if (dialog->from() == fixture.okonkvo && dialog->into() == okonkwo)
                dialog->accept();
            else
                dialog->reject();
        });
        QVERIFY(and_reload(window, [&] { action(window, "mergeAction")->trigger(); }));
        QVERIFY(dialog_seen);

        QCOMPARE(window.entities_panel()->shown_rows(), CurationFixture::kEntities - 1);
        QVERIFY(!table_names(window).contains(QStringLiteral("Okonkvo")));
        const int node = window.state()->graph()->find(okonkwo);
        QVERIFY(node >= 0);
        QVERIFY(window.state()->graph()->nodes[static_cast<std::size_t>(node)].aliases.contains(
            QStringLiteral("Okonkvo")));
        QVERIFY(!fixture.listed("Okonkvo"));
        QCOMPARE(fixture.listed("Okonkwo")->mentions, mentions_before + 1);
        QCOMPARE(fixture.records().size(), std::size_t{1});
        QCOMPARE(fixture.records().front().op, std::string("merge"));

        // Edit ▸ Undo names the command and takes it back, in the table and in the store.
        QAction* undo = edit_action(window, QKeySequence::Undo);
        QVERIFY(undo);
        QVERIFY2(undo->text().contains(QStringLiteral("merge 'Okonkvo'")),
                 qPrintable(undo->text()));
        QVERIFY(and_reload(window, [&] { undo->trigger(); }));
        QCOMPARE(window.entities_panel()->shown_rows(), CurationFixture::kEntities);
        QVERIFY(table_names(window).contains(QStringLiteral("Okonkvo")));
        QVERIFY(fixture.listed("Okonkvo"));
        QCOMPARE(fixture.listed("Okonkwo")->mentions, mentions_before);
        QCOMPARE(fixture.records().front().status, std::string("undone"));

        // Edit ▸ Redo applies it again.
        QAction* redo = edit_action(window, QKeySequence::Redo);
        QVERIFY(redo);
        QVERIFY(and_reload(window, [&] { redo->trigger(); }));
        QCOMPARE(window.entities_panel()->shown_rows(), CurationFixture::kEntities - 1);
        QVERIFY(!fixture.listed("Okonkvo"));
        QCOMPARE(fixture.listed("Okonkwo")->mentions, mentions_before + 1);
        QCOMPARE(fixture.records().front().status, std::string("applied"));
        QCOMPARE(window.undo_stack()->count(), 1);
    }

    void the_merge_dialog_stays_open_until_two_different_entities_are_chosen() {
        CurationFixture fixture;
        TestWindow window;
        QVERIFY(open_and_wait(window, fixture.path));
        MergeDialog dialog(*window.state()->graph(), fixture.okonkvo, EntityId{}, &window);
        dialog.show();
        dialog.accept();
        QVERIFY(dialog.isVisible());
        auto* problem = dialog.findChild<QLabel*>(QStringLiteral("problemLabel"));
        QVERIFY(problem && !problem->text().isEmpty());
        dialog.into_picker()->set_entity(fixture.okonkvo);
        dialog.accept();
        QVERIFY(dialog.isVisible()); // the same entity twice
        dialog.into_picker()->set_entity(fixture.entity["Okonkwo"]);
        QCOMPARE(dialog.name_box()->itemText(0), QStringLiteral("Okonkwo")); // the survivor's
        QVERIFY(dialog.canonical_name().isEmpty()); // its own name: no rename recorded
        QTest::keyClick(dialog.name_box(), Qt::Key_Return);
        QCOMPARE(dialog.result(), int(QDialog::Accepted));
        QVERIFY(!dialog.isVisible());
    }

    void merge_under_a_chosen_name_keeps_the_old_one_as_alias() {
        CurationFixture fixture;
        TestWindow window;
        QVERIFY(open_and_wait(window, fixture.path));
        auto* controller = curation_of(window)->controller();
        QVERIFY(and_reload(window, [&] {
            QVERIFY(controller->merge(fixture.okonkvo, fixture.entity["Okonkwo"],
                                      QStringLiteral("Minister Okonkwo")));
        }));
        QVERIFY(table_names(window).contains(QStringLiteral("Minister Okonkwo")));
        const auto merged = fixture.listed("Minister Okonkwo");
        QVERIFY(merged);
        QVERIFY(std::find(merged->aliases.begin(), merged->aliases.end(), "Okonkwo") !=
                merged->aliases.end());
    }

    void split_an_alias_into_a_new_entity() {
        CurationFixture fixture;
        TestWindow window;
        QVERIFY(open_and_wait(window, fixture.path));
        auto* controller = curation_of(window)->controller();
        QVERIFY(and_reload(window, [&] {
            QVERIFY(controller->split_alias(fixture.entity["Valdemar Prusk"],
                                            QStringLiteral("Prusk"), QStringLiteral("Anna Prusk")));
        }));
        QCOMPARE(window.entities_panel()->shown_rows(), CurationFixture::kEntities + 1);
        QVERIFY(table_names(window).contains(QStringLiteral("Anna Prusk")));
        QCOMPARE(fixture.listed("Anna Prusk")->mentions, 1);
        QCOMPARE(fixture.listed("Valdemar Prusk")->mentions, 1);
        // Undo puts the mention back.
        QVERIFY(and_reload(window, [&] { window.undo_stack()->undo(); }));
        QVERIFY(!table_names(window).contains(QStringLiteral("Anna Prusk")));
        QCOMPARE(fixture.listed("Valdemar Prusk")->mentions, 2);
    }

    void split_chosen_mentions_through_the_dialog() {
        CurationFixture fixture;
        TestWindow window;
        QVERIFY(open_and_wait(window, fixture.path));
        auto* controller = curation_of(window)->controller();
        const auto prusk = fixture.entity["Valdemar Prusk"];
        const auto mentions = controller->mentions_of(prusk);
        QCOMPARE(mentions.size(), std::size_t{2});
        // The dialog lists them with their documents; tick the bare "Prusk" only.
        std::vector<MentionChoice> choices;
        for (const auto& m : mentions)
            choices.push_back({m.id, m.surface + QStringLiteral(" in ") + m.document_title});
        SplitDialog dialog(window.state()->graph()->nodes[static_cast<std::size_t>(
                               window.state()->graph()->find(prusk))],
                           choices);
        QCOMPARE(dialog.mention_list()->count(), 2);
        dialog.alias_box()->setCurrentText(QString());
        dialog.name_field()->setText(QStringLiteral("Olaf Prusk"));
        for (int row = 0; row < 2; ++row)
            if (mentions[static_cast<std::size_t>(row)].surface == QStringLiteral("Prusk"))
                dialog.mention_list()->item(row)->setCheckState(Qt::Checked);
        QCOMPARE(dialog.chosen_mentions().size(), std::size_t{1});
        QVERIFY(and_reload(window, [&] {
            QVERIFY(controller->split(prusk, dialog.alias(), dialog.chosen_mentions(),
                                      dialog.new_name()));
        }));
        QCOMPARE(fixture.listed("Olaf Prusk")->mentions, 1);
        QCOMPARE(fixture.listed("Valdemar Prusk")->mentions, 1);
        QVERIFY(and_reload(window, [&] { window.undo_stack()->undo(); }));
        QVERIFY(!fixture.listed("Olaf Prusk").has_value());
        QCOMPARE(fixture.listed("Valdemar Prusk")->mentions, 2);
    }

    void an_operation_that_cannot_apply_pushes_nothing_and_says_why() {
        CurationFixture fixture;
        TestWindow window;
        QVERIFY(open_and_wait(window, fixture.path));
        auto* controller = curation_of(window)->controller();
        QSignalSpy failed(controller, &CurationController::failed);
        // Halvorsen has no alias "Nobody": nothing to split.
        QVERIFY(!controller->split_alias(fixture.entity["Halvorsen"], QStringLiteral("Nobody")));
        QCOMPARE(failed.count(), 1);
        QVERIFY(!controller->last_error().isEmpty());
        QVERIFY(window.last_error().contains(controller->last_error()));
        QCOMPARE(window.undo_stack()->count(), 0);
        QVERIFY(fixture.records().empty());
    }

    // While `dossier extract` runs on the project in another process, a correction made in the
    // window would look up entities the extraction is replacing: it is refused at once, saying
    // why (the GUI thread never waits), records nothing, and goes through once the run ends. The
    // test holds the extraction's lock on its own open of the lock file: flock(2) locks of two
    // opens conflict as between two processes.
    void a_correction_while_another_process_extracts_is_refused_and_goes_through_after() {
        CurationFixture fixture;
        TestWindow window;
        QVERIFY(open_and_wait(window, fixture.path));
        auto* controller = curation_of(window)->controller();
        QSignalSpy failed(controller, &CurationController::failed);
        {
            const store::ExtractionLock extraction(fixture.path.toStdString(),
                                                   store::ExtractionLock::Mode::Extraction);
            QVERIFY(extraction.held());
            QVERIFY(!controller->rename(fixture.entity["Vienna"], QStringLiteral("Wien")));
            QCOMPARE(failed.count(), 1);
            QVERIFY2(controller->last_error().contains(QStringLiteral("extraction is running")),
                     qPrintable(controller->last_error()));
            QCOMPARE(window.undo_stack()->count(), 0);
            QVERIFY(fixture.records().empty());
        }
        QVERIFY(and_reload(window, [&] {
            QVERIFY(controller->rename(fixture.entity["Vienna"], QStringLiteral("Wien")));
        }));
        QCOMPARE(fixture.records().size(), 1u);
        QCOMPARE(window.undo_stack()->count(), 1);
    }

    // The entries of the graph's context menu on an entity's node (the menu is modal: they are
    // read once it is open, then it is closed).
    static QStringList node_menu_entries(TestWindow& window, EntityId entity) {
        auto* view = window.graph_view();
        view->fit_view();
        const auto at = view->screen_position(entity);
        if (!at)
            return {};
        QStringList entries;
        QTimer::singleShot(0, [&] {
            auto* menu = qobject_cast<QMenu*>(QApplication::activePopupWidget());
            if (!menu)
                return;
            for (auto* a : menu->actions())
                entries << a->text();
            menu->close();
        });
        QContextMenuEvent event(QContextMenuEvent::Mouse, at->toPoint(),
                                view->mapToGlobal(at->toPoint()));
        QApplication::sendEvent(view, &event);
        return entries;
    }

    void a_right_click_on_a_graph_node_offers_the_corrections_and_questions() {
        CurationFixture fixture;
        TestWindow window;
        QVERIFY(open_and_wait(window, fixture.path));
        const QStringList entries = node_menu_entries(window, fixture.entity["Vienna"]);

        QVERIFY2(!entries.isEmpty(), "no context menu opened on the node");
        // The node's own entries and the curation ones, for the clicked entity.
        QVERIFY(entries.filter(QStringLiteral("Vienna")).size() >= 2);
        QVERIFY(entries.contains(QStringLiteral("Not an Entity")));
        QVERIFY(entries.filter(QStringLiteral("Rename"), Qt::CaseInsensitive).size() == 1);
        // and they act on the clicked node: it is now the selection.
        QCOMPARE(window.state()->selected_entities(), QList<EntityId>{fixture.entity["Vienna"]});
        QCOMPARE(window.state()->selection().size(), 1);
    }

    void a_community_disc_in_the_selection_is_left_out_of_the_corrections() {
        CurationFixture fixture;
        TestWindow window;
        QVERIFY(open_and_wait(window, fixture.path));
        // What a rubber band over the overview selects: an entity and a community's disc.
        const EntityId vienna = fixture.entity["Vienna"];
        window.state()->select({vienna, CommunityIndex{0}});
        QCOMPARE(window.state()->selected_entities(), QList<EntityId>{vienna});
        const QStringList entries = node_menu_entries(window, vienna);
        // One entity's corrections, not a merge of Vienna "and" something else, and its
        // exploration acts on one entity.
        QVERIFY2(entries.contains(QStringLiteral("Merge “Vienna” Into…")),
                 qPrintable(entries.join('|')));
        QVERIFY(entries.filter(QStringLiteral(" and “")).isEmpty());
        QVERIFY(entries.contains(QStringLiteral("Hide")));
        // The disc stays selected: the entity's menu acted on the entity without dropping it.
        QCOMPARE(window.state()->selection().size(), 2);
        QVERIFY(window.state()->selection().contains(NodeKey(CommunityIndex{0})));
    }

    void a_rejected_entity_leaves_the_graph_and_its_mentions_show_as_rejected() {
        CurationFixture fixture;
        TestWindow window;
        QVERIFY(open_and_wait(window, fixture.path));
        const int nodes_before = window.graph_view()->visible_node_count();
        const auto telegram = fixture.document[testing::kTelegram.title];
        window.documents_panel()->show_document(telegram);
        window.state()->select_one(fixture.entity["Vienna"]);
        QVERIFY(and_reload(window, [&] { action(window, "rejectAction")->trigger(); }));

        QCOMPARE(window.graph_view()->visible_node_count(), nodes_before - 1);
        QCOMPARE(window.state()->graph()->find(fixture.entity["Vienna"]), -1);
        QVERIFY(!table_names(window).contains(QStringLiteral("Vienna")));
        // The document shown was read again: "Vienna" is struck through, not washed in colour.
        const QString text = window.documents_panel()->text_view()->toPlainText();
        const int at = text.indexOf(QStringLiteral("Vienna"));
        QVERIFY(at >= 0);
        QTextCursor cursor(window.documents_panel()->text_view()->document());
        cursor.setPosition(at + 1);
        QVERIFY(cursor.charFormat().fontStrikeOut());
        cursor.setPosition(text.indexOf(QStringLiteral("Halvorsen")) + 1);
        QVERIFY(!cursor.charFormat().fontStrikeOut());

        QVERIFY(and_reload(window, [&] { window.undo_stack()->undo(); }));
        QCOMPARE(window.graph_view()->visible_node_count(), nodes_before);
    }

    void paths_list_each_hop_with_its_evidence_and_show_on_the_graph() {
        CurationFixture fixture;
        TestWindow window;
        QVERIFY(open_and_wait(window, fixture.path));
        auto* ui = curation_of(window);
        // Valdemar Prusk - Norland - Ostravia - Trade Council.
        const int found =
            ui->path_panel()->find(fixture.entity["Valdemar Prusk"],
                                   fixture.entity["Trade Council"], graph::PathMode::Hops);
        QCOMPARE(found, 1);
        QCOMPARE(ui->path_panel()->paths().front().hops.size(), std::size_t{3});
        const QString text = ui->path_panel()->plain_text();
        QVERIFY2(text.contains(QString::fromStdString(testing::kCooperationSentence)),
                 qPrintable(text));
        QVERIFY(text.contains(QStringLiteral("Telegram 12 from Vienna, 1958-03-14")));
        QVERIFY(text.contains(QStringLiteral("The Council discussed Valdemar Prusk and Norland.")));
        QVERIFY(text.contains(QStringLiteral("Protocol 5 of the Council, 1980-10-02")));
        QVERIFY(window.graph_view()->has_emphasis());
        QCOMPARE(ui->emphasis().nodes.size(), std::size_t{4});
        QCOMPARE(ui->emphasis().edges.size(), std::size_t{3});

        // By weight, the same single chain here (no alternative route).
        QCOMPARE(ui->path_panel()->find(fixture.entity["Valdemar Prusk"],
                                        fixture.entity["Trade Council"], graph::PathMode::Weight),
                 1);
        QVERIFY(ui->path_panel()->plain_text().contains(QStringLiteral("strongest links")));

        // Hiding Norland's type cuts the only route.
        ui->clear_emphasis();
        QVERIFY(!window.graph_view()->has_emphasis());
        GraphFilter filter = window.state()->filter();
        filter.hidden_types.insert(EntityType::Country);
        window.state()->set_filter(filter);
        QCOMPARE(ui->path_panel()->find(fixture.entity["Valdemar Prusk"],
                                        fixture.entity["Trade Council"], graph::PathMode::Hops),
                 0);
        QVERIFY(ui->path_panel()->plain_text().contains(QStringLiteral("not connected")));
    }

    void typing_part_of_a_name_in_a_picker_finds_the_entity() {
        CurationFixture fixture;
        TestWindow window;
        QVERIFY(open_and_wait(window, fixture.path));
        auto* ui = curation_of(window);
        // One list of names for every picker, filled by the load.
        auto* names = window.entity_names();
        QCOMPARE(names->rowCount(), CurationFixture::kEntities);
        for (auto* picker :
             {ui->path_panel()->from_picker(), ui->path_panel()->to_picker(),
              ui->together_panel()->first_picker(), ui->together_panel()->second_picker()})
            QCOMPARE(picker->model(), names);

        ui->path_panel()->parentWidget()->show();
        ui->path_panel()->parentWidget()->raise();
        auto* picker = ui->path_panel()->from_picker();
        picker->setFocus();
        QVERIFY(!picker->entity().valid());
        // The middle of the name, in another case: the completion offers the one entity.
        QTest::keyClicks(picker->lineEdit(), QStringLiteral("ORLA"));
        auto* completer = picker->completer();
        QCOMPARE(completer->completionCount(), 1);
        QCOMPARE(completer->currentCompletion(), QStringLiteral("Norland (Country)"));
        QTRY_VERIFY(completer->popup()->isVisible());
        QTest::keyClick(completer->popup(), Qt::Key_Down);
        QTest::keyClick(completer->popup(), Qt::Key_Return);
        QCOMPARE(picker->currentText(), QStringLiteral("Norland (Country)"));
        QCOMPARE(picker->entity(), fixture.entity["Norland"]);

        // A part two names share offers both; the exact label in any case names one.
        picker->lineEdit()->clear();
        QTest::keyClicks(picker->lineEdit(), QStringLiteral("on"));
        QVERIFY2(completer->completionCount() >= 2, "Okonkwo and Trade Council contain 'on'");
        picker->setEditText(QStringLiteral("okonkwo (PERSON)"));
        QCOMPARE(picker->entity(), fixture.entity["Okonkwo"]);

        // A reload with the same entities keeps the choice; a rename follows into the list.
        picker->set_entity(fixture.entity["Norland"]);
        QVERIFY(and_reload(window, [&] { window.reload(); }));
        QCOMPARE(picker->entity(), fixture.entity["Norland"]);
        QVERIFY(and_reload(window, [&] {
            QVERIFY(ui->controller()->rename(fixture.entity["Vienna"], QStringLiteral("Wien")));
        }));
        QVERIFY(names->entity_labelled(QStringLiteral("Wien (Place)")).valid());
        QVERIFY(!names->entity_labelled(QStringLiteral("Vienna (Place)")).valid());
        QCOMPARE(picker->entity(), fixture.entity["Norland"]);
    }

    void ego_network_emphasises_what_lies_within_k_hops() {
        CurationFixture fixture;
        TestWindow window;
        QVERIFY(open_and_wait(window, fixture.path));
        auto* ui = curation_of(window);
        window.state()->select_one(fixture.entity["Valdemar Prusk"]);
        ui->show_ego_network(1);
        QCOMPARE(ui->emphasis().nodes.size(), std::size_t{2}); // Prusk and Norland
        QCOMPARE(ui->emphasis().edges.size(), std::size_t{1});
        QVERIFY(window.graph_view()->has_emphasis());
        ui->show_ego_network(2); // and Ostravia, through Norland
        QCOMPARE(ui->emphasis().nodes.size(), std::size_t{3});
        ui->set_hide_rest(true);
        QVERIFY(window.graph_view()->has_emphasis());
        QVERIFY(action(window, "hideRestAction")->isChecked());
    }

    void together_lists_the_sentences_that_mention_both() {
        CurationFixture fixture;
        TestWindow window;
        QVERIFY(open_and_wait(window, fixture.path));
        auto* ui = curation_of(window);
        QCOMPARE(ui->together_panel()->find(fixture.entity["Okonkwo"], fixture.entity["Ostravia"]),
                 1);
        const QString text = ui->together_panel()->plain_text();
        QVERIFY2(text.contains(QString::fromStdString(kMemo.text)), qPrintable(text));
        QVERIFY(text.contains(QStringLiteral("Memorandum on the trade talks (1960-05-02)")));
        QCOMPARE(ui->together_panel()->find(fixture.entity["Halvorsen"],
                                            fixture.entity["Valdemar Prusk"]),
                 0);
    }

    void relations_per_year_follow_the_selection() {
        CurationFixture fixture;
        TestWindow window;
        QVERIFY(open_and_wait(window, fixture.path));
        auto* table = curation_of(window)->entity_timeline()->table();
        window.state()->select_one(fixture.entity["Okonkwo"]);
        // Halvorsen (1958), Trade Council (1960).
        QCOMPARE(table->rowCount(), 2);
        QCOMPARE(table->verticalHeaderItem(0)->text(), QStringLiteral("1958"));
        QCOMPARE(table->verticalHeaderItem(1)->text(), QStringLiteral("1960"));
        const int all = table->columnCount() - 1;
        QCOMPARE(table->item(0, all)->text(), QStringLiteral("1"));
        QCOMPARE(table->item(1, all)->text(), QStringLiteral("1"));
    }

    void relate_unrelate_and_notes_are_undoable_commands() {
        CurationFixture fixture;
        TestWindow window;
        QVERIFY(open_and_wait(window, fixture.path));
        auto* controller = curation_of(window)->controller();
        const int edges = window.state()->visible().edge_count;
        const auto memo = fixture.document[kMemo.title];
        const std::string sentence = "Okonkwo told the Trade Council that Ostravia would sign.";
        QVERIFY(and_reload(window, [&] {
            QVERIFY(controller->relate(
                fixture.entity["Okonkwo"], fixture.entity["Ostravia"],
                QStringLiteral("negotiates_with"), QStringLiteral("He speaks for them"),
                CitedPassage{memo, Span{0, static_cast<std::uint32_t>(sentence.size())}}));
        }));
        QCOMPARE(window.state()->visible().edge_count, edges + 1);
        RelationId added;
        for (const auto& e : window.state()->graph()->edges)
            if (e.type == QStringLiteral("negotiates_with"))
                added = e.id;
        QVERIFY(added.valid());
        QVERIFY(and_reload(window, [&] {
            QVERIFY(controller->note_relation(added, QStringLiteral("Checked in the memo")));
        }));
        QVERIFY(and_reload(window, [&] {
            QVERIFY(controller->note_entity(fixture.entity["Okonkwo"], QStringLiteral("Minister")));
        }));
        QVERIFY(and_reload(window, [&] { QVERIFY(controller->unrelate(added)); }));
        QCOMPARE(window.state()->visible().edge_count, edges);
        QCOMPARE(window.undo_stack()->count(), 4);
        QVERIFY(and_reload(window, [&] { window.undo_stack()->undo(); })); // the unrelate
        QCOMPARE(window.state()->visible().edge_count, edges + 1);
    }

    void the_corrections_log_shows_every_record_with_its_status() {
        CurationFixture fixture;
        TestWindow window;
        QVERIFY(open_and_wait(window, fixture.path));
        auto* ui = curation_of(window);
        auto* controller = ui->controller();
        QVERIFY(and_reload(window, [&] {
            QVERIFY(controller->merge(fixture.okonkvo, fixture.entity["Okonkwo"]));
        }));
        QVERIFY(and_reload(window, [&] { QVERIFY(controller->reject(fixture.entity["Vienna"])); }));
        QVERIFY(and_reload(window, [&] {
            QVERIFY(controller->rename(fixture.entity["Trade Council"],
                                       QStringLiteral("Council of Trade")));
        }));
        QVERIFY(and_reload(window, [&] { window.undo_stack()->undo(); }));
        auto* table = ui->corrections_log()->table();
        QCOMPARE(table->rowCount(), 3);
        using C = CorrectionsLogPanel;
        QCOMPARE(table->item(0, C::Operation)->text(),
                 QStringLiteral("merge 'Okonkvo' (person) into 'Okonkwo' (person)"));
        QCOMPARE(table->item(0, C::Status)->text(), QStringLiteral("applied"));
        QVERIFY(table->item(1, C::Operation)->text().startsWith(QStringLiteral("reject")));
        QCOMPARE(table->item(2, C::Status)->text(), QStringLiteral("undone"));
    }

    void imported_corrections_that_no_longer_apply_are_listed_as_stale_with_the_reason() {
        // Corrections made on a project that has Okonkvo, imported into one that does not.
        CurationFixture with_okonkvo;
        GuiFixture without;
        const QString file = QDir(without.dir.path()).filePath(QStringLiteral("corrections.json"));
        {
            TestWindow window;
            QVERIFY(open_and_wait(window, with_okonkvo.path));
            auto* controller = curation_of(window)->controller();
            QVERIFY(and_reload(window, [&] {
                QVERIFY(controller->rename(with_okonkvo.okonkvo, QStringLiteral("Okonkvo (sic)")));
            }));
            QVERIFY(and_reload(window, [&] {
                QVERIFY(controller->rename(with_okonkvo.entity["Halvorsen"],
                                           QStringLiteral("Ambassador Halvorsen")));
            }));
            QVERIFY(controller->export_corrections(file));
        }
        TestWindow window;
        QVERIFY(open_and_wait(window, without.path));
        auto* ui = curation_of(window);
        QString summary;
        QVERIFY(and_reload(window, [&] { summary = ui->controller()->import_corrections(file); }));
        QVERIFY2(summary.contains(QStringLiteral("1 correction replayed, 1 no longer applies")),
                 qPrintable(summary));
        QVERIFY(table_names(window).contains(QStringLiteral("Ambassador Halvorsen")));
        auto* table = ui->corrections_log()->table();
        QCOMPARE(table->rowCount(), 2);
        using C = CorrectionsLogPanel;
        QCOMPARE(table->item(0, C::Status)->text(), QStringLiteral("stale"));
        QVERIFY2(table->item(0, C::Message)->text().contains(QStringLiteral("Okonkvo")),
                 qPrintable(table->item(0, C::Message)->text()));
        QCOMPARE(table->item(1, C::Status)->text(), QStringLiteral("applied"));
    }
};

QTEST_MAIN(CurationTest)
#include "curation_test.moc"
