#include "panels/entity_timeline_panel.h"

#include <QHeaderView>
#include <QLabel>
#include <QTableWidget>
#include <QVBoxLayout>
#include <algorithm>

namespace dossier::gui {

RelationsPerYear relations_per_year(const ExplorerGraph& graph, int index) {
    RelationsPerYear out;
    std::vector<const ExplorerEdge*> edges;
    for (const auto& edge : graph.edges)
        if (edge.source == index || edge.target == index) {
            edges.push_back(&edge);
            if (!out.types.contains(edge.type))
                out.types << edge.type;
        }
    out.types.sort();
    for (const auto* edge : edges) {
        const int first = edge->first_month, last = std::max(edge->last_month, first);
        if (first <= 0) {
            ++out.undated;
            continue;
        }
        const auto column = static_cast<std::size_t>(out.types.indexOf(edge->type));
        for (int year = first / 12; year <= last / 12; ++year) {
            auto& row = out.counts[year];
            row.resize(static_cast<std::size_t>(out.types.size()), 0);
            ++row[column];
        }
    }
    return out;
}

EntityTimelinePanel::EntityTimelinePanel(ExplorerState* state, QWidget* parent)
    : QWidget(parent), state_(state), title_(new QLabel(this)), table_(new QTableWidget(this)) {
    setObjectName(QStringLiteral("entityTimelinePanel"));
    table_->setObjectName(QStringLiteral("relationsPerYearTable"));
    table_->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table_->verticalHeader()->setDefaultSectionSize(table_->fontMetrics().height() + 6);
    title_->setWordWrap(true);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addWidget(title_);
    layout->addWidget(table_, 1);
    connect(state_, &ExplorerState::selection_changed, this, &EntityTimelinePanel::refresh);
    connect(state_, &ExplorerState::graph_changed, this, &EntityTimelinePanel::refresh);
    refresh();
}

void EntityTimelinePanel::refresh() {
    table_->clear();
    table_->setRowCount(0);
    table_->setColumnCount(0);
    const auto nodes = state_->selected_nodes();
    if (nodes.empty()) {
        title_->setText(tr("Select an entity to see its relations per year."));
        return;
    }
    const auto& graph = *state_->graph();
    const auto& node = graph.nodes[static_cast<std::size_t>(nodes.front())];
    const auto per_year = relations_per_year(graph, nodes.front());
    QString text = tr("Relations of <b>%1</b> active each year").arg(node.name.toHtmlEscaped());
    if (per_year.undated > 0)
        text += tr(" (undated, not counted: %1)").arg(per_year.undated);
    title_->setText(text);
    QStringList headers = per_year.types;
    headers << tr("All");
    table_->setColumnCount(static_cast<int>(headers.size()));
    table_->setHorizontalHeaderLabels(headers);
    table_->setRowCount(static_cast<int>(per_year.counts.size()));
    QStringList years;
    // The largest count gets the strongest wash, so busy years stand out like a heat map.
    int peak = 1;
    for (const auto& [year, row] : per_year.counts)
        for (int c : row)
            peak = std::max(peak, c);
    int r = 0;
    for (const auto& [year, row] : per_year.counts) {
        years << QString::number(year);
        int total = 0;
        for (int c = 0; c < static_cast<int>(row.size()); ++c) {
            const int count = row[static_cast<std::size_t>(c)];
            total += count;
            auto* item = new QTableWidgetItem(count ? QString::number(count) : QString());
            item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
            if (count) {
                QColor wash = palette().color(QPalette::Highlight);
                wash.setAlphaF(0.15f + 0.6f * static_cast<float>(count) / static_cast<float>(peak));
                item->setBackground(wash);
            }
            table_->setItem(r, c, item);
        }
        auto* all = new QTableWidgetItem(QString::number(total));
        all->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
        QFont bold = all->font();
        bold.setBold(true);
        all->setFont(bold);
        table_->setItem(r, static_cast<int>(per_year.types.size()), all);
        ++r;
    }
    table_->setVerticalHeaderLabels(years);
    table_->resizeColumnsToContents();
}

} // namespace dossier::gui
