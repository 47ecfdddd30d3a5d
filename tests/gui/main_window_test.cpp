// Drives the real MainWindow offscreen (QT_QPA_PLATFORM=offscreen) on real project files.
#include "app/main_window.h"
#include "export/export_dialog.h"
#include "graph_view/graph_view.h"
#include "gui_fixture.h"
#include "jobs/layout_controller.h"
#include "panels/details_panel.h"
#include "panels/documents_panel.h"
#include "panels/entities_panel.h"
#include "panels/filters_panel.h"
#include "panels/search_panel.h"
#include "panels/timeline_widget.h"
#include "test_window.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QDockWidget>
#include <QDomDocument>
#include <QDoubleSpinBox>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTableView>
#include <QTest>
#include <QTextBrowser>

using namespace dossier;
using namespace dossier::gui;
using dossier::gui::testing::GuiFixture;
using dossier::gui::testing::open_and_wait;
using dossier::gui::testing::TestWindow;
using dossier::gui::testing::use_test_settings;

using dossier::gui::testing::kLoadTimeoutMs;

class MainWindowTest : public QObject {
    Q_OBJECT
private slots:
    void initTestCase() { use_test_settings(); }

    void opening_a_project_fills_graph_tables_and_status() {
        GuiFixture fixture;
        TestWindow window;
        QVERIFY(open_and_wait(window, fixture.path));
        QCOMPARE(window.graph_view()->visible_node_count(), GuiFixture::kEntities);
        QCOMPARE(window.state()->visible().edge_count, GuiFixture::kRelations);
        QCOMPARE(window.documents_panel()->model()->rowCount(), 3);
        QCOMPARE(window.entities_panel()->shown_rows(), GuiFixture::kEntities);
        QVERIFY2(window.status_counts().contains(QStringLiteral("3 documents")),
                 qPrintable(window.status_counts()));
        QVERIFY(window.windowTitle().contains(QStringLiteral("fixture.dossier")));
        const QStringList recent =
            QSettings().value(QStringLiteral("recentProjects")).toStringList();
        QVERIFY(!recent.isEmpty());
        QCOMPARE(recent.first(), QFileInfo(fixture.path).absoluteFilePath());
    }

    void a_file_that_is_not_a_project_gives_a_clear_error() {
        QTemporaryDir dir;
        const QString bogus = QDir(dir.path()).filePath(QStringLiteral("notes.dossier"));
        QFile file(bogus);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("this is a shopping list, not a database\n");
        file.close();
        TestWindow window(TestWindow::Hidden);
        window.open_project(bogus);
        QTRY_VERIFY_WITH_TIMEOUT(!window.last_error().isEmpty(), kLoadTimeoutMs);
        QVERIFY(window.last_error().contains(QStringLiteral("notes.dossier")));
        QVERIFY(window.project_path().isEmpty());
        // The file is untouched.
        QVERIFY(file.open(QIODevice::ReadOnly));
        QCOMPARE(file.readAll(), QByteArray("this is a shopping list, not a database\n"));
    }

    void unticking_a_type_removes_its_nodes() {
        GuiFixture fixture;
        TestWindow window;
        QVERIFY(open_and_wait(window, fixture.path));
        window.filters_panel()->type_box(EntityType::Person)->setChecked(false);
        QCOMPARE(window.graph_view()->visible_node_count(),
                 GuiFixture::kEntities - GuiFixture::kPersons);
        // Only Norland-Ostravia, Trade Council-Ostravia remain among the non-persons.
        QCOMPARE(window.state()->visible().edge_count, 2);
        QVERIFY(window.status_counts().contains(QStringLiteral("showing 4 nodes, 2 edges")));
        window.filters_panel()->type_box(EntityType::Person)->setChecked(true);
        QCOMPARE(window.graph_view()->visible_node_count(), GuiFixture::kEntities);
    }

    void minimum_weight_keeps_only_heavy_edges() {
        GuiFixture fixture;
        TestWindow window(TestWindow::Hidden);
        QVERIFY(open_and_wait(window, fixture.path));
        window.filters_panel()->min_weight()->setValue(2);
        QCOMPARE(window.state()->visible().edge_count, 1); // Prusk-Norland, weight 2
        window.filters_panel()->min_degree()->setValue(1);
        QCOMPARE(window.graph_view()->visible_node_count(), 2);
    }

    void clicking_a_node_selects_it_and_details_show_its_evidence() {
        GuiFixture fixture;
        TestWindow window(QSize(1400, 900));
        QVERIFY(window.exposed());
        QVERIFY(open_and_wait(window, fixture.path));
        const EntityId norland = fixture.entity.at("Norland");
        const auto where = window.graph_view()->screen_position(norland);
        QVERIFY(where.has_value());
        QTest::mouseClick(window.graph_view(), Qt::LeftButton, {}, where->toPoint());
        QCOMPARE(window.state()->selected_entities(), QList<EntityId>{norland});
        const QString details = window.details_panel()->plain_text();
        QVERIFY2(details.contains(QStringLiteral("Norland")), qPrintable(details));
        QVERIFY2(details.contains(QStringLiteral("cooperates_with")), qPrintable(details));
        QVERIFY2(details.contains(QStringLiteral("Ostravia")), qPrintable(details));
        QVERIFY2(details.contains(QString::fromStdString(testing::kCooperationSentence)),
                 qPrintable(details));
        QVERIFY2(details.contains(QString::fromStdString(testing::kTelegram.title)),
                 qPrintable(details));
        // The entities table follows the selection.
        const auto rows = window.entities_panel()->table()->selectionModel()->selectedRows();
        QCOMPARE(rows.size(), 1);
        QCOMPARE(rows.first().data().toString(), QStringLiteral("Norland"));
        // A click on empty space clears it.
        QTest::mouseClick(window.graph_view(), Qt::LeftButton, {}, QPoint(3, 3));
        QVERIFY(window.state()->selection().isEmpty());
    }

    void ctrl_click_adds_to_the_selection() {
        GuiFixture fixture;
        TestWindow window(QSize(1400, 900));
        QVERIFY(window.exposed());
        QVERIFY(open_and_wait(window, fixture.path));
        const auto a = window.graph_view()->screen_position(fixture.entity.at("Halvorsen"));
        const auto b = window.graph_view()->screen_position(fixture.entity.at("Ostravia"));
        QVERIFY(a && b);
        QTest::mouseClick(window.graph_view(), Qt::LeftButton, {}, a->toPoint());
        QTest::mouseClick(window.graph_view(), Qt::LeftButton, Qt::ControlModifier, b->toPoint());
        QCOMPARE(window.state()->selection().size(), 2);
    }

    void clicking_a_highlighted_mention_selects_its_entity() {
        GuiFixture fixture;
        TestWindow window(QSize(1400, 900));
        QVERIFY(window.exposed());
        QVERIFY(open_and_wait(window, fixture.path));
        auto* panel = window.documents_panel();
        panel->show_document(fixture.document.at(testing::kMemo.title));
        QCOMPARE(panel->current_document(), fixture.document.at(testing::kMemo.title));
        // Okonkwo, Trade Council, Ostravia are highlighted.
        QCOMPARE(panel->mention_ranges().size(), std::size_t{3});
        auto* text = panel->text_view();
        QVERIFY(text->toPlainText().startsWith(QStringLiteral("Okonkwo told")));
        const int start = static_cast<int>(testing::kMemo.text.find("Trade Council"));
        QTextCursor cursor(text->document());
        cursor.setPosition(start + 3);
        const QPoint inside = text->cursorRect(cursor).center();
        QTest::mouseClick(text->viewport(), Qt::LeftButton, {}, inside);
        QTRY_COMPARE(window.state()->selected_entities(),
                     QList<EntityId>{fixture.entity.at("Trade Council")});
        QVERIFY(window.details_panel()->plain_text().contains(QStringLiteral("Trade Council")));
    }

    void narrowing_the_timeline_shrinks_the_graph() {
        GuiFixture fixture;
        TestWindow window(TestWindow::Hidden);
        QVERIFY(open_and_wait(window, fixture.path));
        auto* timeline = window.timeline();
        QCOMPARE(timeline->first_month(), month_index(1958, 1)); // per-year bins over 1958..1980
        window.timeline()->set_range(month_index(1980, 1), month_index(1980, 12));
        // The range's relations are read off the GUI thread.
        QTRY_VERIFY(!window.state()->document_subset_pending());
        // In 1980 only the protocol: Prusk and Norland (Norland is named from 1958 to 1980).
        QCOMPARE(window.graph_view()->visible_node_count(), 2);
        QCOMPARE(window.state()->visible().edge_count, 1);
        window.timeline()->set_range(month_index(1958, 1), month_index(1960, 12));
        QTRY_VERIFY(!window.state()->document_subset_pending());
        QCOMPARE(window.graph_view()->visible_node_count(), 6); // everyone but Prusk
        window.timeline()->set_range(0, 0);
        QCOMPARE(window.graph_view()->visible_node_count(), GuiFixture::kEntities);
    }

    void search_finds_names_close_matches_and_text() {
        GuiFixture fixture;
        TestWindow window(TestWindow::Hidden);
        QVERIFY(open_and_wait(window, fixture.path));
        window.search_panel()->search(QStringLiteral("Prusk"));
        auto* results = window.search_panel()->results();
        QVERIFY(results->count() >= 2); // the entity and the protocol
        QVERIFY(results->item(0)->text().startsWith(QStringLiteral("Valdemar Prusk")));
        bool found_document = false;
        for (int i = 0; i < results->count(); ++i)
            found_document |=
                results->item(i)->text().contains(QString::fromStdString(testing::kProtocol.title));
        QVERIFY(found_document);
        results->itemClicked(results->item(0));
        QCOMPARE(window.state()->selected_entities(),
                 QList<EntityId>{fixture.entity.at("Valdemar Prusk")});
        // A misspelling still finds the person among close matches.
        window.search_panel()->search(QStringLiteral("Okonkwa"));
        bool close = false;
        for (int i = 0; i < results->count(); ++i)
            close |= results->item(i)->text().startsWith(QStringLiteral("Okonkwo"));
        QVERIFY(close);
    }

    void exporting_svg_through_the_dialog_writes_figure_and_view_file() {
        GuiFixture fixture;
        TestWindow window(TestWindow::Hidden);
        QVERIFY(open_and_wait(window, fixture.path));
        window.filters_panel()->type_box(EntityType::Place)->setChecked(false); // Vienna leaves
        QTemporaryDir out;
        const QString svg_path = QDir(out.path()).filePath(QStringLiteral("figure.svg"));
        ExportDialog dialog(window.state(), window.graph_view()->style(), window.project_path(),
                            &window);
        dialog.output_field()->setText(svg_path);
        dialog.title_field()->setText(QStringLiteral("Norland and Ostravia, 1958-1980"));
        auto* buttons = dialog.findChild<QDialogButtonBox*>();
        QVERIFY(buttons);
        buttons->button(QDialogButtonBox::Save)->click();
        QCOMPARE(dialog.result(), int(QDialog::Accepted));
        QFile file(svg_path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QDomDocument svg;
        QVERIFY(svg.setContent(&file));
        QCOMPARE(svg.documentElement().tagName(), QStringLiteral("svg"));
        QString all_text;
        const auto texts = svg.elementsByTagName(QStringLiteral("text"));
        for (int i = 0; i < texts.size(); ++i)
            all_text += texts.at(i).toElement().text() + QLatin1Char('\n');
        QVERIFY2(all_text.contains(QStringLiteral("Norland and Ostravia, 1958-1980")),
                 qPrintable(all_text));
        for (const char* name :
             {"Halvorsen", "Okonkwo", "Valdemar Prusk", "Norland", "Ostravia", "Trade Council"})
            QVERIFY2(all_text.contains(QString::fromUtf8(name)), name);
        QVERIFY(!all_text.contains(QStringLiteral("Vienna"))); // filtered out, not drawn
        QFile view(ExportDialog::view_path_for(svg_path));
        QVERIFY(view.open(QIODevice::ReadOnly));
        const auto json = QJsonDocument::fromJson(view.readAll()).object();
        const auto types = json.value(QStringLiteral("filter"))
                               .toObject()
                               .value(QStringLiteral("entity_types"))
                               .toArray();
        QVERIFY(!types.contains(QStringLiteral("place")));
        QVERIFY(types.contains(QStringLiteral("person")));
        QCOMPARE(json.value(QStringLiteral("export"))
                     .toObject()
                     .value(QStringLiteral("format"))
                     .toString(),
                 QStringLiteral("svg"));
    }

    void relayout_runs_in_the_background_and_is_reproducible() {
        GuiFixture fixture;
        TestWindow window(TestWindow::Hidden);
        QVERIFY(open_and_wait(window, fixture.path));
        const EntityId norland = fixture.entity.at("Norland");
        window.state()->select_one(norland);
        auto positions = [&] {
            std::vector<QPointF> out;
            for (const auto& node : window.state()->graph()->nodes)
                out.push_back(node.position);
            return out;
        };
        const auto spiral = positions();
        QSignalSpy done(&window, &MainWindow::layout_finished);
        window.layout_controller()->set_seed(7);
        window.layout_controller()->relayout();
        QVERIFY(window.busy());
        QVERIFY(done.wait(60000));
        QCOMPARE(done.first().first().toBool(), true);
        const auto first = positions();
        QVERIFY(first != spiral);
        QCOMPARE(window.state()->selected_entities(), QList<EntityId>{norland});
        QCOMPARE(window.graph_view()->visible_node_count(), GuiFixture::kEntities);
        done.clear();
        window.layout_controller()->relayout(); // same graph, engine and seed
        QVERIFY(done.wait(60000));
        QCOMPARE(positions(), first);
    }

    void window_layout_is_remembered() {
        {
            TestWindow window;
            auto* dock = window.findChild<QDockWidget*>(QStringLiteral("timelineDock"));
            QVERIFY(dock);
            dock->hide();
            window.close();
        }
        MainWindow again;
        again.show();
        auto* dock = again.findChild<QDockWidget*>(QStringLiteral("timelineDock"));
        QVERIFY(dock);
        QVERIFY(dock->isHidden());
        again.restoreState(QByteArray()); // no effect; restore defaults for later tests
        dock->show();
        again.close();
    }
};

QTEST_MAIN(MainWindowTest)
#include "main_window_test.moc"
