#pragma once
// The Corrections dock: every curation record of the project, oldest first — when, who, the
// operation in words, its status (applied, stale, undone) and, for a stale one, why it no
// longer applies. Refreshed after every command, undo, redo and reload.
#include "dossier/store/curation_store.h"

#include <QWidget>
#include <vector>

class QLabel;
class QTableWidget;

namespace dossier::gui {

class CorrectionsLogPanel : public QWidget {
    Q_OBJECT
public:
    enum Column { Id, When, Author, Operation, Status, Message, ColumnCount };

    explicit CorrectionsLogPanel(QWidget* parent = nullptr);
    // A strip as low as the Timeline it is stacked with, so the graph keeps the room.
    QSize sizeHint() const override { return {520, 140}; }
    QTableWidget* table() const { return table_; }
    void set_records(const std::vector<store::CurationRecord>& records);

private:
    QLabel* summary_;
    QTableWidget* table_;
};

} // namespace dossier::gui
