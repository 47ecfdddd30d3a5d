#pragma once
// The Documents table: one row per imported document.
#include "project_snapshot.h"

#include <QAbstractTableModel>

namespace dossier::gui {

class DocumentsModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { Date, Title, Sender, Recipients, Classification, ColumnCount };
    static constexpr int kIdRole = Qt::UserRole + 1;

    using QAbstractTableModel::QAbstractTableModel;
    void set_rows(std::vector<DocumentRow> rows);
    const std::vector<DocumentRow>& rows() const { return rows_; }
    int row_of(DocumentId id) const;

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    std::vector<DocumentRow> rows_;
};

} // namespace dossier::gui
