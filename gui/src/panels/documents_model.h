#pragma once
// The Documents table: one row per imported document, sorted by the model itself and shown a
// window at a time. A project of 100,000 documents must not make the first paint wait: the rows
// arrive whole from the worker (the timeline needs every date), already in the table's default
// order (newest first), and the view is told about the first batch only; scrolling asks for the
// next ones (canFetchMore / fetchMore). Sorting by a column sorts every row, not the loaded ones.
#include "state/project_snapshot.h"

#include <QAbstractTableModel>
#include <QHash>

namespace dossier::gui {

class DocumentsModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { Date, Title, Sender, Recipients, Classification, ColumnCount };
    static constexpr int kIdRole = Qt::UserRole + 1;
    static constexpr int kBatch = 500; // rows the view is given at a time

    using QAbstractTableModel::QAbstractTableModel;
    // The rows in any order; they are shown in the current sort order.
    void set_rows(std::vector<DocumentRow> rows);
    const std::vector<DocumentRow>& rows() const { return rows_; }
    int row_of(DocumentId id) const; // index into rows(), -1 if absent
    // The table row that shows `id`, loading rows up to it if needed; -1 if absent.
    int table_row_of(DocumentId id);
    DocumentId document_at(int table_row) const;

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;
    bool canFetchMore(const QModelIndex& parent) const override;
    void fetchMore(const QModelIndex& parent) override;
    void sort(int column, Qt::SortOrder order = Qt::AscendingOrder) override;

    // The order the table opens in; the snapshot is read in it so nothing is sorted on the GUI
    // thread at open.
    static void sort_rows(std::vector<DocumentRow>& rows, int column = Date,
                          Qt::SortOrder order = Qt::DescendingOrder);

private:
    void apply_sort(); // order_ and rank_ from sort_column_ / sort_order_

    std::vector<DocumentRow> rows_;
    std::vector<int> order_; // table row -> index into rows_
    std::vector<int> rank_;  // index into rows_ -> table row
    QHash<qint64, int> index_of_id_;
    int loaded_ = 0; // table rows the view knows about
    int sort_column_ = Date;
    Qt::SortOrder sort_order_ = Qt::DescendingOrder;
};

} // namespace dossier::gui
