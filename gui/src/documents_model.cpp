#include "documents_model.h"

namespace dossier::gui {

void DocumentsModel::set_rows(std::vector<DocumentRow> rows) {
    beginResetModel();
    rows_ = std::move(rows);
    endResetModel();
}

int DocumentsModel::row_of(DocumentId id) const {
    for (std::size_t i = 0; i < rows_.size(); ++i)
        if (rows_[i].id == id)
            return static_cast<int>(i);
    return -1;
}

int DocumentsModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : static_cast<int>(rows_.size());
}

int DocumentsModel::columnCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant DocumentsModel::data(const QModelIndex& index, int role) const {
    if (!index.isValid() || index.row() >= static_cast<int>(rows_.size()))
        return {};
    const auto& row = rows_[static_cast<std::size_t>(index.row())];
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
