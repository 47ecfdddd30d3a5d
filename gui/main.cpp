// dossier-gui: the Qt 6 explorer. `dossier-gui [PROJECT] [--select NAME]` opens a project at start.
#include "main_window.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QFileInfo>

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
    parser.addOption(select);
    parser.addOption(maximized);
    parser.process(app);

    dossier::gui::MainWindow window;
    if (parser.isSet(maximized))
        window.showMaximized();
    else
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
    if (!parser.positionalArguments().isEmpty())
        window.open_project(QFileInfo(parser.positionalArguments().first()).absoluteFilePath());
    return app.exec();
}
