#include "questions/path_panel.h"

#include "curation/curation_dialogs.h"
#include "panels/evidence_html.h"

#include <QComboBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QPushButton>
#include <QTextBrowser>
#include <QUrl>
#include <QVBoxLayout>

namespace dossier::gui {
namespace {
constexpr int kQuotesPerRelation = 3;

QString esc(const QString& s) {
    return s.toHtmlEscaped();
}
} // namespace

PathPanel::PathPanel(ExplorerState* state, ProjectReader* reader, EntityNamesModel* names,
                     ScanEvidence* scans, QWidget* parent)
    : QWidget(parent), state_(state), reader_(reader), scans_(scans), from_(new EntityPicker(this)),
      to_(new EntityPicker(this)), mode_(new QComboBox(this)),
      find_button_(new QPushButton(tr("Find Paths"), this)), browser_(new QTextBrowser(this)) {
    setObjectName(QStringLiteral("pathPanel"));
    browser_->setObjectName(QStringLiteral("pathBrowser"));
    browser_->setOpenLinks(false);
    from_->set_names(names);
    to_->set_names(names);
    mode_->addItem(tr("Fewest hops"), static_cast<int>(graph::PathMode::Hops));
    mode_->addItem(tr("Strongest links (by weight)"), static_cast<int>(graph::PathMode::Weight));
    auto* form = new QFormLayout;
    form->addRow(tr("From"), from_);
    form->addRow(tr("To"), to_);
    auto* row = new QHBoxLayout;
    row->addWidget(mode_, 1);
    row->addWidget(find_button_);
    form->addRow(tr("Paths"), row);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addLayout(form);
    layout->addWidget(browser_, 1);
    browser_->setHtml(tr("<p>Choose two entities to see the shortest chains of relations between "
                         "them, each link with the sentences it was read from.</p>"));

    connect(find_button_, &QPushButton::clicked, this, [this] {
        find(from_->entity(), to_->entity(),
             static_cast<graph::PathMode>(mode_->currentData().toInt()));
    });
    connect(state_, &ExplorerState::graph_changed, this, &PathPanel::on_graph_changed);
    connect(browser_, &QTextBrowser::anchorClicked, this, [this](const QUrl& url) {
        if (url.scheme() == QLatin1String("entity"))
            state_->select_one(EntityId{url.path().toLongLong()});
        else if (url.scheme() == QLatin1String("doc"))
            emit document_requested(DocumentId{url.path().toLongLong()});
    });
    on_graph_changed();
}

QString PathPanel::plain_text() const {
    return browser_->toPlainText();
}

void PathPanel::on_graph_changed() {
    paths_.clear(); // their indices belong to the previous graph
}

int PathPanel::find(EntityId from, EntityId to, graph::PathMode mode) {
    from_->set_entity(from);
    to_->set_entity(to);
    mode_->setCurrentIndex(mode_->findData(static_cast<int>(mode)));
    show_paths(from, to, mode);
    emit emphasis_requested(emphasis_of(paths_));
    return static_cast<int>(paths_.size());
}

void PathPanel::show_paths(EntityId from, EntityId to, graph::PathMode mode) {
    const auto& graph = *state_->graph();
    const int a = graph.find(from), b = graph.find(to);
    paths_.clear();
    if (a < 0 || b < 0) {
        browser_->setHtml(tr("<p>Choose two entities of the graph.</p>"));
        return;
    }
    paths_ = find_paths(graph, state_->filtered(), a, b, mode);
    const auto name = [&](int node) {
        const auto& n = graph.nodes[static_cast<std::size_t>(node)];
        return QStringLiteral("<a href='entity:%1'>%2</a>").arg(n.id.value).arg(esc(n.name));
    };
    if (paths_.empty()) {
        browser_->setHtml(tr("<p>%1 and %2 are not connected in what the graph shows. Filters "
                             "hide part of the graph; clear them to search all of it.</p>")
                              .arg(name(a), name(b)));
        return;
    }
    QString html;
    if (mode == graph::PathMode::Hops)
        html += paths_.size() == 1 ? tr("<p>The shortest path between %2 and %3 has %1 hop(s).</p>")
                                         .arg(paths_.front().hops.size())
                                         .arg(name(a), name(b))
                                   : tr("<p>%4 shortest paths of %1 hop(s) between %2 and %3.</p>")
                                         .arg(paths_.front().hops.size())
                                         .arg(name(a), name(b))
                                         .arg(paths_.size());
    else
        html += tr("<p>The path of strongest links between %1 and %2 (cost %3: the sum of "
                   "1 / weight).</p>")
                    .arg(name(a), name(b))
                    .arg(paths_.front().cost, 0, 'g', 3);
    for (std::size_t p = 0; p < paths_.size(); ++p) {
        const auto& path = paths_[p];
        QStringList chain;
        for (int node : path.nodes)
            chain << name(node);
        html += QStringLiteral("<h3>%1 %2</h3>")
                    .arg(tr("Path %1:").arg(p + 1), chain.join(QStringLiteral(" → ")));
        for (const auto& hop : path.hops) {
            html += QStringLiteral("<p><b>%1 — %2</b></p><ul>").arg(name(hop.from), name(hop.to));
            for (int e : hop.edges) {
                const auto& edge = graph.edges[static_cast<std::size_t>(e)];
                html += QStringLiteral("<li>%1 <small>(weight %2)</small>")
                            .arg(esc(edge.type))
                            .arg(edge.weight);
                html += relation_evidence_html(*reader_, edge.id, kQuotesPerRelation, scans_);
                html += QStringLiteral("</li>");
            }
            html += QStringLiteral("</ul>");
        }
    }
    browser_->setHtml(html);
}

} // namespace dossier::gui
