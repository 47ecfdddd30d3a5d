#pragma once
// Re-layout in the background through the layout service: the visible part of the graph goes in
// (pinned nodes with their places), positions come back and replace the provisional ones; nodes
// outside the filter keep theirs. Cancel stops the job (a service that runs Graphviz in a worker
// process kills it); progress is the service's estimate (elapsed over the cost model's time).
#include "dossier/model/job_control.h"
#include "state/explorer_state.h"

#include <QFutureWatcher>
#include <QObject>
#include <QTimer>
#include <atomic>
#include <cstdint>
#include <memory>
#include <optional>
#include <vector>

namespace dossier::gui {

struct LayoutOutcome {
    bool ok = false;
    bool cancelled = false;
    QString message; // error, or "sfdp: 1.2 s"
    // By what each node stands for, so a reload meanwhile is harmless.
    std::vector<std::pair<NodeKey, QPointF>> positions;
};

class LayoutController : public QObject {
    Q_OBJECT
public:
    explicit LayoutController(ExplorerState* state, QObject* parent = nullptr);
    ~LayoutController() override;

    static QStringList engines();
    void set_engine(const QString& engine) { engine_ = engine; }
    QString engine() const { return engine_; } // empty = chosen by size
    void set_seed(std::uint32_t seed) { seed_ = seed; }
    std::uint32_t seed() const { return seed_; }
    bool running() const { return watcher_.isRunning(); }
    // The layout running (or announcing finished) is one community's, fitted into its disc.
    bool community_layout() const { return fit_.has_value(); }
    // A one-line estimate for the current visible graph ("sfdp: about 2 s for ...").
    QString estimate() const;
    // The running layout's estimated progress in percent, -1 when unknown.
    int progress_percent() const;

public slots:
    void relayout();
    // Lays out an unfolded community's members on their own (seeded, pins kept) and fits them
    // into the disc its node was laid out with, so nothing else moves (docs/GUI.md).
    void layout_community(CommunityIndex community);
    void cancel();

signals:
    void started(const QString& estimate);
    void finished(bool ok, const QString& message);
    void progress(int percent); // about five times a second while a layout runs

private:
    void submit(const std::vector<char>& include); // lays out the nodes marked in `include`
    void apply(LayoutOutcome outcome);
    struct Fit {
        QPointF centre;
        double radius = 0;
    };
    std::optional<Fit> fit_; // the running layout is fitted into this disc

    ExplorerState* state_;
    QString engine_;
    std::uint32_t seed_ = 1;
    QFutureWatcher<LayoutOutcome> watcher_;
    CancelToken cancel_;
    std::shared_ptr<std::atomic<int>> progress_;
    QTimer progress_timer_;
    std::shared_ptr<void>
        service_; // layout::LayoutService, type-erased to keep Graphviz out of here
};

} // namespace dossier::gui
