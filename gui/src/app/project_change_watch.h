#pragma once
// Notices that another process (the command line, a colleague's script) committed to the project
// the window shows: every second it asks SQLite's PRAGMA data_version on a read-only connection of
// its own, which changes exactly when another connection has committed. The window's own jobs
// reload after they write; the one write it makes without reading again (node positions) is told
// apart by what the views show (store::shown_content_fingerprint), so it causes no reload.
#include "dossier/store/project.h"

#include <QObject>
#include <QTimer>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>

namespace dossier::gui {

class ProjectChangeWatch : public QObject {
    Q_OBJECT
public:
    explicit ProjectChangeWatch(QObject* parent = nullptr);

    // Watches this project from now on; everything committed so far counts as seen. A file that
    // cannot be opened leaves the watch as it was (the window keeps the project it shows).
    void watch(const QString& path);
    // The window is about to read its project again: everything committed so far counts as seen.
    void mark_seen();
    // The window writes node positions on a worker; between these two calls (and until the next
    // poll) a change counts only when what the views show changed too.
    void own_write_started() { ++own_writes_running_; }
    void own_write_finished();
    // Polls are skipped while this answers false (a job of the window's own is writing); the
    // changes are noticed at the first poll after it.
    void set_poll_allowed(std::function<bool()> allowed) { allowed_ = std::move(allowed); }
    void set_interval(int ms) { timer_.setInterval(ms); }

signals:
    // Another connection committed something the window shows since it last read the project.
    void changed();

private:
    void poll();

    std::optional<store::Project> project_;
    QString path_;
    std::int64_t seen_version_ = 0;
    std::string seen_fingerprint_;
    int own_writes_running_ = 0;
    bool own_write_since_poll_ = false;
    std::function<bool()> allowed_;
    QTimer timer_;
};

} // namespace dossier::gui
