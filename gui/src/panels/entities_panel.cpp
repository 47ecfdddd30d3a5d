#include "panels/entities_panel.h"

#include <QCheckBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLineEdit>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QVBoxLayout>

namespace dossier::gui {

// Matches the search text against name and aliases, and optionally hides what the graph hides.
class EntitiesProxy : public QSortFilterProxyModel {
public:
    using QSortFilterProxyModel::QSortFilterProxyModel;
    void set_text(const QString& text) {
        text_ = text.trimmed();
        invalidateFilter();
    }
    void set_only_shown(bool only) {
        only_shown_ = only;
        invalidateFilter();
    }
    void refilter() { invalidateFilter(); }

protected:
    bool filterAcceptsRow(int row, const QModelIndex& parent) const override {
        const QModelIndex index = sourceModel()->index(row, 0, parent);
        if (only_shown_ && !index.data(EntitiesModel::kVisibleRole).toBool())
            return false;
        return text_.isEmpty() || index.data(EntitiesModel::kSearchRole)
                                      .toString()
                                      .contains(text_, Qt::CaseInsensitive);
    }

private:
    QString text_;
    bool only_shown_ = false;
};

EntitiesPanel::EntitiesPanel(ExplorerState* state, QWidget* parent)
    : QWidget(parent), state_(state), model_(new EntitiesModel(state, this)),
      proxy_(new EntitiesProxy(this)), table_(new QTableView(this)), search_(new QLineEdit(this)),
      only_shown_(new QCheckBox(tr("Only those in the graph"), this)) {
    proxy_->setSourceModel(model_);
    proxy_->setSortRole(EntitiesModel::kSortRole);
    search_->setObjectName(QStringLiteral("entitySearch"));
    search_->setPlaceholderText(tr("Filter by name or alias"));
    search_->setClearButtonEnabled(true);
    table_->setObjectName(QStringLiteral("entitiesTable"));
    table_->setModel(proxy_);
    table_->setSortingEnabled(true);
    table_->sortByColumn(EntitiesModel::Mentions, Qt::DescendingOrder);
    table_->setSelectionBehavior(QAbstractItemView::SelectRows);
    table_->setSelectionMode(QAbstractItemView::ExtendedSelection);
    table_->verticalHeader()->hide();
    table_->horizontalHeader()->setSectionResizeMode(EntitiesModel::Name, QHeaderView::Stretch);

    auto* top = new QHBoxLayout;
    top->addWidget(search_, 1);
    top->addWidget(only_shown_);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(top);
    layout->addWidget(table_, 1);

    connect(search_, &QLineEdit::textChanged, this,
            [this](const QString& t) { proxy_->set_text(t); });
    connect(only_shown_, &QCheckBox::toggled, this,
            [this](bool on) { proxy_->set_only_shown(on); });
    connect(table_->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            [this] { push_selection(); });
    connect(table_, &QTableView::doubleClicked, this, [this](const QModelIndex& index) {
        emit entity_activated(EntityId{index.data(EntitiesModel::kIdRole).toLongLong()});
    });
    connect(state_, &ExplorerState::selection_changed, this, [this] { pull_selection(); });
    connect(state_, &ExplorerState::filter_changed, this, [this] { proxy_->refilter(); });
}

int EntitiesPanel::shown_rows() const {
    return proxy_->rowCount();
}

void EntitiesPanel::push_selection() {
    if (syncing_)
        return;
    QList<EntityId> chosen;
    for (const auto& index : table_->selectionModel()->selectedRows())
        chosen.append(EntityId{index.data(EntitiesModel::kIdRole).toLongLong()});
    syncing_ = true;
    state_->select_entities(chosen);
    syncing_ = false;
}

void EntitiesPanel::pull_selection() {
    if (syncing_)
        return;
    syncing_ = true;
    QItemSelection selection;
    for (const EntityId id : state_->selected_entities()) {
        const int row = model_->row_of(id);
        if (row < 0)
            continue;
        const QModelIndex index = proxy_->mapFromSource(model_->index(row, 0));
        if (index.isValid())
            selection.select(index, index.siblingAtColumn(EntitiesModel::ColumnCount - 1));
    }
    table_->selectionModel()->select(selection, QItemSelectionModel::ClearAndSelect |
                                                    QItemSelectionModel::Rows);
    if (!selection.isEmpty())
        table_->scrollTo(selection.indexes().first());
    syncing_ = false;
}

} // namespace dossier::gui
