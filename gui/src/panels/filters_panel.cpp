#include "panels/filters_panel.h"

#include "graph_view/graph_style.h"

#include <QCheckBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

namespace dossier::gui {
namespace {
// Dates are carried by the timeline and the date range, not drawn as nodes, unless the analyst
// ticks them (docs/GUI.md): as nodes they float unconnected or tie everything dated alike.
bool shown_by_default(EntityType type) {
    return type != EntityType::Date;
}
} // namespace

FiltersPanel::FiltersPanel(ExplorerState* state, QWidget* parent)
    : QWidget(parent), state_(state), relations_(new QListWidget(this)),
      min_weight_(new QDoubleSpinBox(this)), min_degree_(new QSpinBox(this)),
      text_(new QLineEdit(this)) {
    auto* types = new QGroupBox(tr("Entity types"), this);
    auto* types_layout = new QVBoxLayout(types);
    for (auto type : {EntityType::Person, EntityType::Organization, EntityType::Country,
                      EntityType::Place, EntityType::Document, EntityType::Date}) {
        auto* box = new QCheckBox(to_display_string(type), types);
        box->setObjectName(QStringLiteral("typeFilter_") + to_display_string(type).toLower());
        box->setChecked(shown_by_default(type));
        QPixmap swatch(12, 12);
        swatch.fill(type_color(type));
        box->setIcon(QIcon(swatch));
        types_layout->addWidget(box);
        type_boxes_.insert(type, box);
        connect(box, &QCheckBox::toggled, this, &FiltersPanel::push);
    }
    relations_->setObjectName(QStringLiteral("relationFilter"));
    relations_->setToolTip(tr("Relation types shown in the graph"));
    min_weight_->setObjectName(QStringLiteral("minWeight"));
    min_weight_->setRange(0, 1e6);
    min_weight_->setDecimals(1);
    min_degree_->setObjectName(QStringLiteral("minDegree"));
    min_degree_->setRange(0, 100000);
    text_->setObjectName(QStringLiteral("filterText"));
    text_->setPlaceholderText(tr("Name contains… (keeps neighbours)"));
    text_->setClearButtonEnabled(true);
    auto* reset_button = new QPushButton(tr("Reset Filters"), this);

    auto* form = new QFormLayout;
    form->addRow(tr("Minimum weight"), min_weight_);
    form->addRow(tr("Minimum degree"), min_degree_);
    form->addRow(tr("Name"), text_);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(types);
    layout->addWidget(new QLabel(tr("Relation types"), this));
    layout->addWidget(relations_, 1);
    layout->addLayout(form);
    layout->addWidget(reset_button);

    connect(relations_, &QListWidget::itemChanged, this, &FiltersPanel::push);
    connect(min_weight_, &QDoubleSpinBox::valueChanged, this, &FiltersPanel::push);
    connect(min_degree_, &QSpinBox::valueChanged, this, &FiltersPanel::push);
    connect(text_, &QLineEdit::textChanged, this, &FiltersPanel::push);
    connect(reset_button, &QPushButton::clicked, this, &FiltersPanel::reset);
    push(); // the default filter (dates off) is the state's from the start
}

void FiltersPanel::set_relation_types(const QStringList& types) {
    updating_ = true;
    const auto hidden = state_->filter().hidden_relations;
    relations_->clear();
    for (const auto& type : types) {
        auto* item = new QListWidgetItem(type, relations_);
        item->setFlags(item->flags() | Qt::ItemIsUserCheckable);
        item->setCheckState(hidden.contains(type) ? Qt::Unchecked : Qt::Checked);
    }
    updating_ = false;
}

void FiltersPanel::reset() {
    updating_ = true;
    for (auto it = type_boxes_.cbegin(); it != type_boxes_.cend(); ++it)
        it.value()->setChecked(shown_by_default(it.key()));
    for (int i = 0; i < relations_->count(); ++i)
        relations_->item(i)->setCheckState(Qt::Checked);
    min_weight_->setValue(0);
    min_degree_->setValue(0);
    text_->clear();
    updating_ = false;
    push();
}

void FiltersPanel::push() {
    if (updating_)
        return;
    GraphFilter filter = state_->filter(); // keeps the timeline's date range
    filter.hidden_types.clear();
    for (auto it = type_boxes_.cbegin(); it != type_boxes_.cend(); ++it)
        if (!it.value()->isChecked())
            filter.hidden_types.insert(it.key());
    filter.hidden_relations.clear();
    for (int i = 0; i < relations_->count(); ++i)
        if (relations_->item(i)->checkState() != Qt::Checked)
            filter.hidden_relations.insert(relations_->item(i)->text());
    filter.min_weight = min_weight_->value();
    filter.min_degree = min_degree_->value();
    filter.text = text_->text();
    state_->set_filter(filter);
}

} // namespace dossier::gui
