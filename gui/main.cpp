// dossier-gui: the Qt 6 explorer. `dossier-gui [PROJECT]` opens a project at start.
#include "main_window.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QFileInfo>

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
    parser.process(app);

    dossier::gui::MainWindow window;
    window.show();
    if (!parser.positionalArguments().isEmpty())
        window.open_project(QFileInfo(parser.positionalArguments().first()).absoluteFilePath());
    return app.exec();
}
