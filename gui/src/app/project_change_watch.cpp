#include "app/project_change_watch.h"

#include "dossier/store/change_watch.h"

namespace dossier::gui {

ProjectChangeWatch::ProjectChangeWatch(QObject* parent) : QObject(parent) {
    timer_.setInterval(1000);
    connect(&timer_, &QTimer::timeout, this, &ProjectChangeWatch::poll);
}

void ProjectChangeWatch::watch(const QString& path) {
    if (path != path_ || !project_) {
        try {
            project_.emplace(store::Project::open(path.toStdString(), store::OpenMode::ReadOnly));
        } catch (const std::exception&) {
            return; // the window's own open reports why
        }
        path_ = path;
    }
    mark_seen();
    timer_.start();
}

void ProjectChangeWatch::mark_seen() {
    if (!project_)
        return;
    try {
        seen_version_ = store::data_version(*project_);
        seen_fingerprint_ = store::shown_content_fingerprint(*project_);
    } catch (const std::exception&) {
        seen_fingerprint_.clear(); // unreadable now: the next poll that reads it counts it changed
    }
}

void ProjectChangeWatch::own_write_finished() {
    --own_writes_running_;
    own_write_since_poll_ = true;
}

void ProjectChangeWatch::poll() {
    if (!project_ || (allowed_ && !allowed_()))
        return;
    try {
        const std::int64_t version = store::data_version(*project_);
        if (version == seen_version_)
            return;
        if (own_writes_running_ > 0 || own_write_since_poll_) {
            auto fingerprint = store::shown_content_fingerprint(*project_);
            own_write_since_poll_ = false;
            seen_version_ = version;
            if (fingerprint == seen_fingerprint_)
                return; // only the window's own node positions
            seen_fingerprint_ = std::move(fingerprint);
        }
        seen_version_ = version;
        emit changed();
    } catch (const std::exception&) {
        // Locked or gone for a moment: the next poll asks again.
    }
}

} // namespace dossier::gui
