#pragma once
// The set-up every window test repeats: settings in a test location, a MainWindow that shows no
// message boxes and runs no Graphviz layout on its own, a project opened and waited for.
#include "app/main_window.h"

#include <QSettings>
#include <QSignalSpy>
#include <QSize>
#include <QStandardPaths>
#include <QString>
#include <QTest>

namespace dossier::gui::testing {

constexpr int kLoadTimeoutMs = 20000;

// For initTestCase: settings (recent projects, window layout) go to an emptied test location.
inline void use_test_settings() {
    QStandardPaths::setTestModeEnabled(true);
    QSettings().clear();
}

// Errors go to last_error() (and the status bar) instead of message boxes, and opening a project
// lays nothing out: the tests see the provisional or stored positions.
class TestWindow : public MainWindow {
public:
    enum Visibility { Hidden, Shown };
    explicit TestWindow(Visibility visibility = Shown) {
        set_interactive(false);
        set_auto_layout(false);
        if (visibility == Shown)
            show();
    }
    // Shown at `size` and waited for until it is on screen, so clicks land where computed.
    explicit TestWindow(QSize size) : TestWindow(Hidden) {
        resize(size);
        show();
        exposed_ = QTest::qWaitForWindowExposed(this);
    }
    bool exposed() const { return exposed_; }

private:
    bool exposed_ = false;
};

// Runs `change` (opening, a correction, an undo, a reload) and waits until the window has loaded
// the project again.
template <class F> bool and_reload(MainWindow& window, F change, int timeout_ms = kLoadTimeoutMs) {
    QSignalSpy loaded(&window, &MainWindow::project_loaded);
    change();
    return loaded.wait(timeout_ms) || loaded.count() > 0;
}

inline bool open_and_wait(MainWindow& window, const QString& path,
                          int timeout_ms = kLoadTimeoutMs) {
    return and_reload(
        window, [&] { window.open_project(path); }, timeout_ms);
}

} // namespace dossier::gui::testing
