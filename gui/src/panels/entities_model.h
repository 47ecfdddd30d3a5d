#pragma once
// The Entities table: every entity of the graph with its counts and metrics. Sorting uses the raw
// numbers (kSortRole), display shows them rounded.
#include "state/explorer_state.h"

#include <QAbstractTableModel>
#include <QPointer>

namespace dossier::gui {

class EntitiesModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column {
        Name,
        Type,
        Mentions,
        Documents,
        Degree,
        Betweenness,
        PageRank,
        Community,
        ColumnCount
    };
    static constexpr int kIdRole = Qt::UserRole + 1;
    static constexpr int kSortRole = Qt::UserRole + 2;
    static constexpr int kVisibleRole = Qt::UserRole + 3; // shown in the graph under the filter
    static constexpr int kSearchRole = Qt::UserRole + 4;  // name and aliases, for the search box

    explicit EntitiesModel(ExplorerState* state, QObject* parent = nullptr);
    int row_of(EntityId id) const { return state_ ? state_->graph()->find(id) : -1; }

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    // Guarded: while the window is torn down, views may still ask for rows after the state has
    // begun its destruction (UBSan caught the call on a half-destroyed ExplorerState).
    QPointer<ExplorerState> state_;
};

} // namespace dossier::gui
