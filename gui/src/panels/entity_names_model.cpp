#include "panels/entity_names_model.h"

#include "graph_view/graph_style.h"

#include <QCollator>
#include <algorithm>

namespace dossier::gui {

std::vector<EntityNameRow> sorted_entity_names(const ExplorerGraph& graph) {
    std::vector<EntityNameRow> rows;
    rows.reserve(graph.nodes.size());
    std::vector<QString> names;
    names.reserve(graph.nodes.size());
    for (const auto& node : graph.nodes) {
        rows.push_back(
            {QStringLiteral("%1 (%2)").arg(node.name, to_display_string(node.type)), node.id});
        names.push_back(node.name);
    }
    // By name in the locale's order (as QString::localeAwareCompare), then by label for a stable
    // order of equal names; one collator for the whole sort.
    std::vector<int> order(rows.size());
    for (std::size_t i = 0; i < order.size(); ++i)
        order[i] = static_cast<int>(i);
    QCollator collator;
    std::sort(order.begin(), order.end(), [&](int a, int b) {
        const auto ua = static_cast<std::size_t>(a), ub = static_cast<std::size_t>(b);
        const int by_name = collator.compare(names[ua], names[ub]);
        return by_name != 0 ? by_name < 0 : rows[ua].label < rows[ub].label;
    });
    std::vector<EntityNameRow> sorted;
    sorted.reserve(rows.size());
    for (int i : order)
        sorted.push_back(std::move(rows[static_cast<std::size_t>(i)]));
    return sorted;
}

EntityNamesModel::EntityNamesModel(QObject* parent) : QAbstractListModel(parent) {}

void EntityNamesModel::set_rows(std::vector<EntityNameRow> rows) {
    const bool same = rows.size() == rows_.size() &&
                      std::equal(rows.begin(), rows.end(), rows_.begin(),
                                 [](const EntityNameRow& a, const EntityNameRow& b) {
                                     return a.id == b.id && a.label == b.label;
                                 });
    if (same)
        return;
    beginResetModel();
    rows_ = std::move(rows);
    row_by_id_.clear();
    row_by_folded_label_.clear();
    row_by_id_.reserve(static_cast<qsizetype>(rows_.size()));
    row_by_folded_label_.reserve(static_cast<qsizetype>(rows_.size()));
    for (std::size_t i = 0; i < rows_.size(); ++i) {
        row_by_id_.insert(rows_[i].id.value, static_cast<int>(i));
        // The first of two equal labels wins, as QComboBox::findText would.
        row_by_folded_label_.insert(rows_[i].label.toCaseFolded(), static_cast<int>(i));
    }
    endResetModel();
}

int EntityNamesModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : static_cast<int>(rows_.size());
}

QVariant EntityNamesModel::data(const QModelIndex& index, int role) const {
    if (!index.isValid() || index.row() >= static_cast<int>(rows_.size()))
        return {};
    const auto& row = rows_[static_cast<std::size_t>(index.row())];
    switch (role) {
    case Qt::DisplayRole:
    case Qt::EditRole:
        return row.label;
    case kIdRole:
        return QVariant::fromValue(row.id.value);
    default:
        return {};
    }
}

int EntityNamesModel::row_of(EntityId id) const {
    return row_by_id_.value(id.value, -1);
}

EntityId EntityNamesModel::entity_labelled(const QString& text) const {
    const int row = row_by_folded_label_.value(text.trimmed().toCaseFolded(), -1);
    return row < 0 ? EntityId{} : rows_[static_cast<std::size_t>(row)].id;
}

} // namespace dossier::gui
