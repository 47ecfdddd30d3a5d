#pragma once
// The Relations per Year dock: for the selected entity, how many of its relations of each type
// were active each year (a relation counts in every year from its first to its last dated
// evidence), so two periods of one official's network can be compared at a glance.
#include "state/explorer_state.h"

#include <QWidget>
#include <map>

class QLabel;
class QTableWidget;

namespace dossier::gui {

struct RelationsPerYear {
    QStringList types;                      // columns, sorted
    std::map<int, std::vector<int>> counts; // year -> count per type (same order as types)
    int undated = 0;                        // relations with no dated evidence
};

// Counts for the node at `index` over every relation of the graph that touches it.
RelationsPerYear relations_per_year(const ExplorerGraph& graph, int index);

class EntityTimelinePanel : public QWidget {
    Q_OBJECT
public:
    explicit EntityTimelinePanel(ExplorerState* state, QWidget* parent = nullptr);
    // A strip as low as the Timeline it is stacked with, so the graph keeps the room.
    QSize sizeHint() const override { return {520, 140}; }
    QTableWidget* table() const { return table_; }

public slots:
    void refresh();

private:
    ExplorerState* state_;
    QLabel* title_;
    QTableWidget* table_;
};

} // namespace dossier::gui
