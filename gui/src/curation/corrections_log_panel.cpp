#include "curation/corrections_log_panel.h"

#include "dossier/curation/describe.h"

#include <QHeaderView>
#include <QLabel>
#include <QTableWidget>
#include <QVBoxLayout>
#include <nlohmann/json.hpp>

namespace dossier::gui {
namespace {
QString qs(const std::string& s) {
    return QString::fromUtf8(s.data(), static_cast<qsizetype>(s.size()));
}

QString what_of(const store::CurationRecord& r) {
    try {
        return qs(curation::describe_operation(r.op, nlohmann::json::parse(r.payload)));
    } catch (const std::exception&) {
        return qs(r.op); // a payload this version cannot read is still listed
    }
}
} // namespace

CorrectionsLogPanel::CorrectionsLogPanel(QWidget* parent)
    : QWidget(parent), summary_(new QLabel(this)), table_(new QTableWidget(this)) {
    setObjectName(QStringLiteral("correctionsLogPanel"));
    table_->setObjectName(QStringLiteral("correctionsTable"));
    table_->setColumnCount(ColumnCount);
    table_->setHorizontalHeaderLabels(
        {tr("#"), tr("When (UTC)"), tr("Who"), tr("Correction"), tr("Status"), tr("Why")});
    table_->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table_->setSelectionBehavior(QAbstractItemView::SelectRows);
    table_->setWordWrap(false);
    table_->verticalHeader()->hide();
    table_->horizontalHeader()->setSectionResizeMode(Operation, QHeaderView::Stretch);
    summary_->setWordWrap(true);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addWidget(summary_);
    layout->addWidget(table_, 1);
    set_records({});
}

void CorrectionsLogPanel::set_records(const std::vector<store::CurationRecord>& records) {
    table_->setRowCount(static_cast<int>(records.size()));
    int applied = 0, stale = 0, undone = 0;
    for (int row = 0; row < static_cast<int>(records.size()); ++row) {
        const auto& r = records[static_cast<std::size_t>(row)];
        applied += r.status == "applied";
        stale += r.status == "stale";
        undone += r.status == "undone";
        const QString what = what_of(r);
        const QStringList cells{QString::number(r.id.value),
                                qs(r.created_at).replace(QLatin1Char('T'), QLatin1Char(' ')),
                                qs(r.author),
                                what,
                                qs(r.status),
                                qs(r.message)};
        for (int c = 0; c < ColumnCount; ++c) {
            auto* item = new QTableWidgetItem(cells[c]);
            item->setToolTip(c == Operation ? what : cells[c]);
            if (r.status == "stale") {
                item->setForeground(QColor(0xD5, 0x5E, 0x00)); // Okabe-Ito vermillion
                item->setToolTip(tr("No longer applies: %1").arg(qs(r.message)));
            } else if (r.status == "undone") {
                item->setForeground(palette().color(QPalette::PlaceholderText));
                QFont f = item->font();
                f.setStrikeOut(c == Operation);
                item->setFont(f);
            }
            table_->setItem(row, c, item);
        }
    }
    table_->resizeColumnToContents(Id);
    table_->resizeColumnToContents(When);
    table_->resizeColumnToContents(Status);
    if (records.empty())
        summary_->setText(tr("No corrections yet. Merge, split, rename, retype or reject entities "
                             "and add or remove relations from the Curate menu, the Entities "
                             "table or the Details panel; every correction is kept here and "
                             "replayed when extraction runs again."));
    else
        summary_->setText(
            tr("%1 applied · %2 no longer apply · %3 undone").arg(applied).arg(stale).arg(undone));
    if (!records.empty())
        table_->scrollToBottom();
}

} // namespace dossier::gui
