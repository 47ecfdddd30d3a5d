#pragma once
// The Filters dock: entity types, relation types, minimum weight and degree, a text query. Each
// change re-filters the loaded graph at once (no reload, no re-layout).
#include "state/explorer_state.h"

#include <QMap>
#include <QWidget>

class QCheckBox;
class QListWidget;
class QDoubleSpinBox;
class QSpinBox;
class QLineEdit;

namespace dossier::gui {

class FiltersPanel : public QWidget {
    Q_OBJECT
public:
    explicit FiltersPanel(ExplorerState* state, QWidget* parent = nullptr);
    void set_relation_types(const QStringList& types);
    QCheckBox* type_box(EntityType type) const { return type_boxes_.value(type); }
    QListWidget* relation_list() const { return relations_; }
    QDoubleSpinBox* min_weight() const { return min_weight_; }
    QSpinBox* min_degree() const { return min_degree_; }
    QLineEdit* text_query() const { return text_; }

public slots:
    void reset();

private:
    void push(); // widgets -> state

    ExplorerState* state_;
    QMap<EntityType, QCheckBox*> type_boxes_;
    QListWidget* relations_;
    QDoubleSpinBox* min_weight_;
    QSpinBox* min_degree_;
    QLineEdit* text_;
    bool updating_ = false;
};

} // namespace dossier::gui
