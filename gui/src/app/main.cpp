// dossier-gui: the Qt 6 explorer. `dossier-gui [PROJECT] [--select NAME]` opens a project at start.
#include "app/main_window.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QFileInfo>
#include <QScreen>

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
} // namespace

int main(int argc, char** argv) {
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
    parser.addOption(import_option);
    parser.addOption(select);
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
