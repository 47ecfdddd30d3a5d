// The Documents table shows a large project a batch at a time (the view fetches more as it
// scrolls), yet sorts every document, not only those loaded; jumping to a document loads the rows
// up to it, and the current row follows its document through a sort.
#include "panels/documents_model.h"

#include <QItemSelectionModel>
#include <QTest>

using namespace dossier;
using namespace dossier::gui;

namespace {

constexpr int kRows = 1234;

// Titles in a scrambled order, dates spread over forty years.
std::vector<DocumentRow> rows() {
    std::vector<DocumentRow> out;
    for (int i = 0; i < kRows; ++i) {
        DocumentRow row;
        row.id = DocumentId{i + 1};
        const int scrambled = (i * 7919) % kRows;
        row.title = QStringLiteral("Telegram %1").arg(scrambled, 5, 10, QLatin1Char('0'));
        row.date =
            QStringLiteral("%1-%2").arg(1950 + i % 40).arg(1 + i % 12, 2, 10, QLatin1Char('0'));
        out.push_back(row);
    }
    return out;
}

QString title_at(const DocumentsModel& model, int row) {
    return model.data(model.index(row, DocumentsModel::Title)).toString();
}

} // namespace

class DocumentsModelTest : public QObject {
    Q_OBJECT
private slots:
    void the_view_gets_a_batch_then_more_as_it_asks() {
        DocumentsModel model;
        model.set_rows(rows());
        QCOMPARE(model.rowCount(), DocumentsModel::kBatch);
        QVERIFY(model.canFetchMore({}));
        while (model.canFetchMore({}))
            model.fetchMore({});
        QCOMPARE(model.rowCount(), kRows);
    }

    void sorting_orders_every_document_not_only_the_loaded_ones() {
        DocumentsModel model;
        model.set_rows(rows());
        model.sort(DocumentsModel::Title, Qt::AscendingOrder);
        QCOMPARE(title_at(model, 0), QStringLiteral("Telegram 00000"));
        QCOMPARE(title_at(model, 1), QStringLiteral("Telegram 00001"));
        model.sort(DocumentsModel::Title, Qt::DescendingOrder);
        QCOMPARE(title_at(model, 0),
                 QStringLiteral("Telegram %1").arg(kRows - 1, 5, 10, QLatin1Char('0')));
        // Opening order: newest first.
        model.sort(DocumentsModel::Date, Qt::DescendingOrder);
        QCOMPARE(model.data(model.index(0, DocumentsModel::Date)).toString(),
                 QStringLiteral("1989-12"));
    }

    void rows_read_in_the_opening_order_need_no_sort_and_show_the_same() {
        auto presorted = rows();
        DocumentsModel::sort_rows(presorted);
        DocumentsModel a, b;
        a.set_rows(rows());
        b.set_rows(presorted);
        for (int r = 0; r < a.rowCount(); ++r)
            QCOMPARE(a.document_at(r), b.document_at(r));
    }

    void jumping_to_a_late_document_loads_the_rows_up_to_it() {
        DocumentsModel model;
        model.set_rows(rows());
        model.sort(DocumentsModel::Title, Qt::AscendingOrder);
        // The document titled "Telegram 01200" sorts at row 1200, past the first batch.
        DocumentId late;
        for (const auto& row : model.rows())
            if (row.title == QStringLiteral("Telegram 01200"))
                late = row.id;
        const int row = model.table_row_of(late);
        QCOMPARE(row, 1200);
        QVERIFY(model.rowCount() > row);
        QCOMPARE(model.document_at(row), late);
        QCOMPARE(model.table_row_of(DocumentId{999999}), -1);
    }

    void the_current_row_follows_its_document_through_a_sort() {
        DocumentsModel model;
        model.set_rows(rows());
        QItemSelectionModel selection(&model);
        const DocumentId chosen = model.document_at(3);
        selection.setCurrentIndex(model.index(3, 0), QItemSelectionModel::ClearAndSelect);
        model.sort(DocumentsModel::Title, Qt::AscendingOrder);
        const QModelIndex current = selection.currentIndex();
        if (current.isValid())
            QCOMPARE(model.document_at(current.row()), chosen);
        else // it sorted past the loaded rows
            QVERIFY(model.table_row_of(chosen) >= DocumentsModel::kBatch);
    }
};

QTEST_MAIN(DocumentsModelTest)
#include "documents_model_test.moc"
