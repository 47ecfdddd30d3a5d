#include "panels/documents_model.h"

#include <algorithm>
#include <numeric>

namespace dossier::gui {
namespace {

const QString& key(const DocumentRow& row, int column) {
    switch (column) {
    case DocumentsModel::Title:
        return row.title;
    case DocumentsModel::Sender:
        return row.senders;
    case DocumentsModel::Recipients:
        return row.recipients;
    case DocumentsModel::Classification:
        return row.classification;
    default:
        return row.date;
    }
}

// Case-insensitive, as the table sorted before; ties keep the rows' order (stable sorts).
bool before(const DocumentRow& a, const DocumentRow& b, int column, Qt::SortOrder order) {
    const int c = QString::compare(key(a, column), key(b, column), Qt::CaseInsensitive);
    return order == Qt::AscendingOrder ? c < 0 : c > 0;
}

} // namespace

void DocumentsModel::sort_rows(std::vector<DocumentRow>& rows, int column, Qt::SortOrder order) {
    std::stable_sort(rows.begin(), rows.end(), [&](const DocumentRow& a, const DocumentRow& b) {
        return before(a, b, column, order);
    });
}

void DocumentsModel::set_rows(std::vector<DocumentRow> rows) {
    beginResetModel();
    rows_ = std::move(rows);
    index_of_id_.clear();
    index_of_id_.reserve(static_cast<qsizetype>(rows_.size()));
    for (std::size_t i = 0; i < rows_.size(); ++i)
        index_of_id_.insert(rows_[i].id.value, static_cast<int>(i));
    apply_sort();
    loaded_ = std::min<int>(kBatch, static_cast<int>(rows_.size()));
    endResetModel();
}

void DocumentsModel::apply_sort() {
    order_.resize(rows_.size());
    std::iota(order_.begin(), order_.end(), 0);
    const auto less = [&](int a, int b) {
        return before(rows_[static_cast<std::size_t>(a)], rows_[static_cast<std::size_t>(b)],
                      sort_column_, sort_order_);
    };
    // Rows that come in order (the snapshot reads them in the default one) cost one pass.
    if (!std::is_sorted(order_.begin(), order_.end(), less))
        std::stable_sort(order_.begin(), order_.end(), less);
    rank_.resize(rows_.size());
    for (std::size_t r = 0; r < order_.size(); ++r)
        rank_[static_cast<std::size_t>(order_[r])] = static_cast<int>(r);
}

void DocumentsModel::sort(int column, Qt::SortOrder order) {
    if (column < 0 || column >= ColumnCount)
        return;
    emit layoutAboutToBeChanged({}, QAbstractItemModel::VerticalSortHint);
    // Persistent indexes (the current row, the selection) follow their documents; one that
    // falls past the loaded rows is dropped.
    const QModelIndexList before_sort = persistentIndexList();
    std::vector<int> documents;
    documents.reserve(static_cast<std::size_t>(before_sort.size()));
    for (const auto& index : before_sort)
        documents.push_back(order_[static_cast<std::size_t>(index.row())]);
    sort_column_ = column;
    sort_order_ = order;
    apply_sort();
    QModelIndexList after_sort;
    after_sort.reserve(before_sort.size());
    for (qsizetype i = 0; i < before_sort.size(); ++i) {
        const int row = rank_[static_cast<std::size_t>(documents[static_cast<std::size_t>(i)])];
        after_sort.append(row < loaded_ ? index(row, before_sort[i].column()) : QModelIndex());
    }
    changePersistentIndexList(before_sort, after_sort);
    emit layoutChanged({}, QAbstractItemModel::VerticalSortHint);
}

int DocumentsModel::row_of(DocumentId id) const {
    return index_of_id_.value(id.value, -1);
}

int DocumentsModel::table_row_of(DocumentId id) {
    const int i = row_of(id);
    if (i < 0)
        return -1;
    const int row = rank_[static_cast<std::size_t>(i)];
    if (row >= loaded_) {
        beginInsertRows({}, loaded_, row);
        loaded_ = row + 1;
        endInsertRows();
    }
    return row;
}

DocumentId DocumentsModel::document_at(int table_row) const {
    if (table_row < 0 || table_row >= loaded_)
        return {};
    return rows_[static_cast<std::size_t>(order_[static_cast<std::size_t>(table_row)])].id;
}

int DocumentsModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : loaded_;
}

int DocumentsModel::columnCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : ColumnCount;
}

bool DocumentsModel::canFetchMore(const QModelIndex& parent) const {
    return !parent.isValid() && loaded_ < static_cast<int>(rows_.size());
}

void DocumentsModel::fetchMore(const QModelIndex& parent) {
    if (!canFetchMore(parent))
        return;
    const int more = std::min<int>(kBatch, static_cast<int>(rows_.size()) - loaded_);
    beginInsertRows({}, loaded_, loaded_ + more - 1);
    loaded_ += more;
    endInsertRows();
}

QVariant DocumentsModel::data(const QModelIndex& index, int role) const {
    if (!index.isValid() || index.row() >= loaded_)
        return {};
    const auto& row =
        rows_[static_cast<std::size_t>(order_[static_cast<std::size_t>(index.row())])];
    if (role == kIdRole)
        return QVariant::fromValue<qlonglong>(row.id.value);
    if (role != Qt::DisplayRole && role != Qt::ToolTipRole)
        return {};
    switch (index.column()) {
    case Date:
        return row.date;
    case Title:
        return row.title;
    case Sender:
        return row.senders;
    case Recipients:
        return row.recipients;
    case Classification:
        return row.classification;
    default:
        return {};
    }
}

QVariant DocumentsModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case Date:
        return tr("Date");
    case Title:
        return tr("Title");
    case Sender:
        return tr("Sender");
    case Recipients:
        return tr("Recipients");
    case Classification:
        return tr("Classification");
    default:
        return {};
    }
}

} // namespace dossier::gui
