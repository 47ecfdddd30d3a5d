// dossier-gui: the Qt 6 explorer. `dossier-gui [PROJECT] [--select NAME] [--focus NAME]
// [--unfold NAME]` opens a project at start.
#include "app/main_window.h"
#include "dossier/importers/openmp_limit.h"
#include "jobs/layout_controller.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QFileInfo>
#include <QScreen>
#include <QTimer>
#include <functional>
#include <memory>

namespace {
// The entity whose name or alias equals `name` (case-insensitive), most mentioned first.
dossier::EntityId find_by_name(const dossier::gui::ExplorerGraph& graph, const QString& name) {
    dossier::EntityId best;
    int best_mentions = -1;
    for (const auto& node : graph.nodes) {
        const bool match = node.name.compare(name, Qt::CaseInsensitive) == 0 ||
                           node.aliases.contains(name, Qt::CaseInsensitive);
        if (match && node.mentions > best_mentions) {
            best = node.id;
            best_mentions = node.mentions;
        }
    }
    return best;
}

// Runs `step` on the entity named `name` once the project is loaded and its first layout (if
// one runs) is done, so what it places lands on the final picture.
void when_laid_out(dossier::gui::MainWindow& window, const QString& name,
                   const std::function<void(dossier::EntityId)>& step) {
    using dossier::gui::MainWindow;
    auto run = [&window, name, step] {
        const auto id = find_by_name(*window.state()->graph(), name);
        if (id.valid())
            step(id);
    };
    QObject::connect(&window, &MainWindow::project_loaded, &window, [&window, run] {
        // The first layout starts right after project_loaded (apply_snapshot).
        QTimer::singleShot(0, &window, [&window, run] {
            if (!window.layout_controller()->running()) {
                run();
                return;
            }
            auto once = std::make_shared<QMetaObject::Connection>();
            *once = QObject::connect(&window, &MainWindow::layout_finished, &window,
                                     [once, run](bool) {
                                         QObject::disconnect(*once);
                                         run();
                                     });
        });
    });
}
} // namespace

int main(int argc, char** argv) {
    // Before Qt or Tesseract starts: OCR reads pages one per worker thread, and libgomp must not
    // add its own thread pool inside each page (docs/OCR.md, "How it runs"), as in `dossier`.
    dossier::importers::restart_with_single_threaded_openmp(argv);
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("Dossier"));
    QApplication::setOrganizationName(QStringLiteral("Dossier"));
    QApplication::setApplicationVersion(QStringLiteral(DOSSIER_VERSION));

    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Explore the people, organisations and places of archival documents."));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addPositionalArgument(QStringLiteral("PROJECT"),
                                 QStringLiteral("A .dossier project to open"),
                                 QStringLiteral("[PROJECT]"));
    const QCommandLineOption select({QStringLiteral("select")},
                                    QStringLiteral("Select the entity with this name once loaded"),
                                    QStringLiteral("NAME"));
    const QCommandLineOption maximized({QStringLiteral("maximized")},
                                       QStringLiteral("Open the window maximized"));
    const QCommandLineOption import_option(
        {QStringLiteral("import")},
        QStringLiteral("Import this file or folder into PROJECT (created if missing) once open"),
        QStringLiteral("PATH"));
    const QCommandLineOption focus(
        {QStringLiteral("focus")},
        QStringLiteral("Start from the entity with this name: it and its neighbours"),
        QStringLiteral("NAME"));
    const QCommandLineOption unfold(
        {QStringLiteral("unfold")},
        QStringLiteral("Unfold the community of the entity with this name in the overview"),
        QStringLiteral("NAME"));
    parser.addOption(import_option);
    parser.addOption(select);
    parser.addOption(focus);
    parser.addOption(unfold);
    parser.addOption(maximized);
    parser.process(app);

    dossier::gui::MainWindow window;
    if (parser.isSet(maximized)) {
        // Without a window manager (Xvfb) showMaximized() alone does nothing: fill the screen.
        window.setGeometry(window.screen()->availableGeometry());
        window.showMaximized();
    } else
        window.show();
    if (parser.isSet(select)) {
        const QString name = parser.value(select);
        QObject::connect(&window, &dossier::gui::MainWindow::project_loaded, &window,
                         [&window, name] {
                             const auto id = find_by_name(*window.state()->graph(), name);
                             if (id.valid())
                                 window.state()->select_one(id);
                         });
    }
    auto* state = window.state();
    if (parser.isSet(focus))
        when_laid_out(window, parser.value(focus), [state](dossier::EntityId id) {
            state->focus_on(id);
            state->select_one(id);
        });
    if (parser.isSet(unfold))
        when_laid_out(window, parser.value(unfold), [state](dossier::EntityId id) {
            const auto& graph = *state->graph();
            state->unfold(graph.nodes[static_cast<std::size_t>(graph.find(id))].community);
        });
    if (!parser.positionalArguments().isEmpty()) {
        const QString project = QFileInfo(parser.positionalArguments().first()).absoluteFilePath();
        if (!QFileInfo::exists(project) && parser.isSet(import_option))
            window.new_project(project);
        else
            window.open_project(project);
        QStringList inputs;
        for (const auto& input : parser.values(import_option))
            inputs << QFileInfo(input).absoluteFilePath();
        window.import_paths(inputs);
    }
    return app.exec();
}
