#include "gui_application.h"

#include <QGuiApplication>
#include <cstdlib>

namespace dossier::testing {

void ensure_gui_application() {
    if (QGuiApplication::instance() != nullptr)
        return;
    if (std::getenv("QT_QPA_PLATFORM") == nullptr)
        setenv("QT_QPA_PLATFORM", "offscreen", 1);
    static int argc = 1;
    static char name[] = "dossier_tests";
    static char* argv[] = {name, nullptr};
    static QGuiApplication app(argc, argv);
}

} // namespace dossier::testing
