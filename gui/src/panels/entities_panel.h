#pragma once
// The Entities dock: a sortable table with a search field; its row selection and the graph's
// selection are the same thing (both go through ExplorerState).
#include "panels/entities_model.h"

#include <QWidget>

class QTableView;
class QLineEdit;
class QCheckBox;

namespace dossier::gui {

class EntitiesProxy;

class EntitiesPanel : public QWidget {
    Q_OBJECT
public:
    explicit EntitiesPanel(ExplorerState* state, QWidget* parent = nullptr);
    QTableView* table() const { return table_; }
    EntitiesModel* model() const { return model_; }
    QLineEdit* search_field() const { return search_; }
    int shown_rows() const;

signals:
    void entity_activated(dossier::EntityId entity);

private:
    void pull_selection(); // state -> table
    void push_selection(); // table -> state

    ExplorerState* state_;
    EntitiesModel* model_;
    EntitiesProxy* proxy_;
    QTableView* table_;
    QLineEdit* search_;
    QCheckBox* only_shown_;
    bool syncing_ = false;
};

} // namespace dossier::gui
