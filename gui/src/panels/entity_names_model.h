#pragma once
// The entity names the pickers offer ("Name (type)", sorted the way the locale sorts), one list
// model shared by every picker of the window and filled once per project load. The sorted rows
// are made off the GUI thread with the snapshot (sorted_entity_names), so a project of 10,000
// entities hands the pickers a finished list instead of 10,000 addItem calls each.
#include "dossier/model/ids.h"
#include "state/explorer_graph.h"

#include <QAbstractListModel>
#include <QHash>
#include <vector>

namespace dossier::gui {

struct EntityNameRow {
    QString label; // "Halvorsen (person)"
    EntityId id;
};

// Every node of the graph as a row, in locale order. Pure: call it on a worker.
std::vector<EntityNameRow> sorted_entity_names(const ExplorerGraph& graph);

class EntityNamesModel : public QAbstractListModel {
    Q_OBJECT
public:
    static constexpr int kIdRole = Qt::UserRole; // qint64 entity id

    explicit EntityNamesModel(QObject* parent = nullptr);

    // Replaces the rows (one model reset). Rows equal to the current ones change nothing, so a
    // reload that brings the same entities leaves the pickers alone.
    void set_rows(std::vector<EntityNameRow> rows);
    void set_graph(const ExplorerGraph& graph) { set_rows(sorted_entity_names(graph)); }

    int rowCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;

    int row_of(EntityId id) const; // -1 when absent
    // The entity a typed text names: a row's label, compared case-insensitively.
    EntityId entity_labelled(const QString& text) const;

private:
    std::vector<EntityNameRow> rows_;
    QHash<qint64, int> row_by_id_;
    QHash<QString, int> row_by_folded_label_;
};

} // namespace dossier::gui
