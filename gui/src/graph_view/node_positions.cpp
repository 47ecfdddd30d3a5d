#include "graph_view/node_positions.h"

#include "dossier/store/curation_store.h"
#include "dossier/store/project.h"

#include <QThreadPool>
#include <QtConcurrent/QtConcurrentRun>

namespace dossier::gui {

int restore_node_positions(store::Project& project, ExplorerGraph& graph) {
    int restored = 0;
    for (const auto& stored : store::CurationStore(project).positions()) {
        const int i = graph.find(stored.entity);
        if (i < 0)
            continue;
        auto& node = graph.nodes[static_cast<std::size_t>(i)];
        node.position = QPointF(stored.x, -stored.y);
        node.pinned = stored.pinned;
        node.has_stored_position = true;
        ++restored;
    }
    return restored;
}

void save_node_positions(const std::filesystem::path& path,
                         const std::vector<StoredPosition>& positions) {
    auto project = store::Project::open(path, store::OpenMode::ReadWrite);
    store::Transaction tx(project);
    store::CurationStore store(project);
    for (const auto& p : positions)
        store.set_position({p.entity, p.position.x(), -p.position.y(), p.pinned});
    tx.commit();
}

QFuture<QString> save_node_positions_in_background(const QString& project,
                                                   std::vector<StoredPosition> positions) {
    // One worker for every save, so they reach the project in the order they were made: a pin
    // saved after its unpin would otherwise be able to win the race and come back.
    static QThreadPool* const in_order = [] {
        auto* pool = new QThreadPool; // lives as long as the process, like the global pool
        pool->setMaxThreadCount(1);
        return pool;
    }();
    const std::filesystem::path path = project.toStdString();
    return QtConcurrent::run(in_order, [path, positions = std::move(positions)] {
        try {
            save_node_positions(path, positions);
            return QString();
        } catch (const std::exception& e) {
            return QString::fromUtf8(e.what());
        }
    });
}

std::vector<StoredPosition> placed_positions(const ExplorerGraph& graph) {
    std::vector<StoredPosition> out;
    for (const auto& node : graph.nodes)
        if (node.has_stored_position && !node.is_group()) // community nodes are laid out anew
            out.push_back({node.id, node.position, node.pinned});
    return out;
}

} // namespace dossier::gui
