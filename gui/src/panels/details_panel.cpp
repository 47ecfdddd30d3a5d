#include "panels/details_panel.h"

#include "graph_view/graph_style.h"
#include "panels/evidence_html.h"

#include <QSet>
#include <QTextBrowser>
#include <QUrl>
#include <QVBoxLayout>
#include <algorithm>

namespace dossier::gui {
namespace {
constexpr int kMaxRelations = 40; // relations listed, heaviest first
constexpr int kMaxQuotes = 3;     // evidence sentences per relation
constexpr int kMaxDocuments = 50;

QString esc(const QString& s) {
    return s.toHtmlEscaped();
}
} // namespace

DetailsPanel::DetailsPanel(ExplorerState* state, ProjectReader* reader, QWidget* parent)
    : QWidget(parent), state_(state), reader_(reader), browser_(new QTextBrowser(this)) {
    browser_->setObjectName(QStringLiteral("detailsBrowser"));
    browser_->setOpenLinks(false);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(browser_);
    connect(state_, &ExplorerState::selection_changed, this, &DetailsPanel::refresh);
    connect(state_, &ExplorerState::graph_changed, this, &DetailsPanel::refresh);
    connect(browser_, &QTextBrowser::anchorClicked, this, [this](const QUrl& url) {
        if (url.scheme() == QLatin1String("unfold"))
            state_->unfold(CommunityIndex{url.path().toInt()});
        else if (url.scheme() == QLatin1String("entity"))
            state_->select_one(EntityId{url.path().toLongLong()});
        else if (url.scheme() == QLatin1String("doc"))
            emit document_requested(DocumentId{url.path().toLongLong()});
        else
            emit curation_link(url);
    });
    refresh();
}

QString DetailsPanel::plain_text() const {
    return browser_->toPlainText();
}

void DetailsPanel::refresh() {
    const auto nodes = state_->selected_nodes();
    if (nodes.empty()) {
        browser_->setHtml(
            tr("<p>Select an entity in the graph, the Entities table or a document to see "
               "its names, metrics, documents and relations with their evidence.</p>"));
        return;
    }
    const bool community =
        state_->graph()->nodes[static_cast<std::size_t>(nodes.front())].is_group();
    QString html = community ? render_community(nodes.front()) : render_entity(nodes.front());
    if (nodes.size() > 1)
        html.prepend(tr("<p><i>%1 selected; the first is shown.</i></p>").arg(nodes.size()));
    browser_->setHtml(html);
}

// A community's node in the overview: how many entities it stands for, its most central
// members (links select them), and the way to unfold it.
QString DetailsPanel::render_community(int index) {
    constexpr int kMembersListed = 25;
    const auto& graph = *state_->graph();
    const auto& node = graph.nodes[static_cast<std::size_t>(index)];
    std::vector<int> members;
    for (std::size_t i = 0; i < graph.entity_count(); ++i)
        if (graph.nodes[i].community == node.community)
            members.push_back(static_cast<int>(i));
    std::stable_sort(members.begin(), members.end(), [&](int a, int b) {
        return graph.nodes[static_cast<std::size_t>(a)].pagerank >
               graph.nodes[static_cast<std::size_t>(b)].pagerank;
    });
    QString html = QStringLiteral("<h2>%1</h2>").arg(esc(node.name));
    html += tr("<p>A community of %1 entities (mostly %2), %3 mentions. "
               "<a href='unfold:%4'>Unfold it</a> (or double-click it) to draw its members.</p>")
                .arg(node.members)
                .arg(esc(to_display_string(node.type)))
                .arg(node.mentions)
                .arg(node.community.value());
    html += tr("<h3>Most central members</h3><ol>");
    for (std::size_t k = 0; k < members.size() && k < kMembersListed; ++k) {
        const auto& m = graph.nodes[static_cast<std::size_t>(members[k])];
        html +=
            QStringLiteral("<li><a href='entity:%1'>%2</a></li>").arg(m.id.value).arg(esc(m.name));
    }
    html += QStringLiteral("</ol>");
    if (members.size() > kMembersListed)
        html += tr("<p>and %1 more</p>").arg(members.size() - kMembersListed);
    return html;
}

QString DetailsPanel::render_entity(int index) {
    const auto& graph = *state_->graph();
    const auto& node = graph.nodes[static_cast<std::size_t>(index)];
    QString html;
    html += QStringLiteral("<h2>%1</h2>").arg(esc(node.name));
    html += QStringLiteral("<p><span style='color:%1'>■</span> %2")
                .arg(type_color(node.type).name(), esc(to_display_string(node.type)));
    if (!node.aliases.isEmpty())
        html += tr("<br>Also written: %1").arg(esc(node.aliases.join(QStringLiteral("; "))));
    html += QStringLiteral("</p>");
    html += tr("<p><small>Correct: <a href='curate:rename'>rename</a> · "
               "<a href='curate:retype'>change type</a> · <a href='curate:merge'>merge…</a> · "
               "<a href='curate:split'>split alias…</a> · <a href='curate:reject'>not an "
               "entity</a> · <a href='curate:relate'>add relation…</a> · "
               "<a href='curate:note'>note…</a><br>Ask: <a href='curate:ego'>ego network…</a> · "
               "<a href='curate:per-year'>relations per year</a></small></p>");
    html += tr("<table><tr><td>Mentions</td><td align=right>%1</td></tr>"
               "<tr><td>Documents</td><td align=right>%2</td></tr>"
               "<tr><td>Degree</td><td align=right>%3</td></tr>"
               "<tr><td>Betweenness</td><td align=right>%4</td></tr>"
               "<tr><td>PageRank</td><td align=right>%5</td></tr>"
               "<tr><td>Community</td><td align=right>%6</td></tr></table>")
                .arg(node.mentions)
                .arg(node.documents)
                .arg(node.degree)
                .arg(node.betweenness, 0, 'f', 4)
                .arg(node.pagerank, 0, 'f', 4)
                // No community: metrics not computed yet, or an entity linked to nothing.
                .arg(node.community.valid() ? QString::number(node.community.value()) : tr("none"));

    // Documents that mention it, from its mentions.
    QList<DocumentId> documents;
    QSet<qint64> seen;
    try {
        if (reader_->is_open())
            for (const auto& row : reader_->mentions_of(node.id))
                if (!seen.contains(row.mention.document.value)) {
                    seen.insert(row.mention.document.value);
                    documents.append(row.mention.document);
                }
    } catch (const std::exception& e) {
        html += tr("<p>Could not read its mentions: %1</p>").arg(esc(QString::fromUtf8(e.what())));
    }
    if (!documents.isEmpty()) {
        html += tr("<h3>Documents (%1)</h3><ul>").arg(documents.size());
        for (int i = 0; i < std::min<int>(kMaxDocuments, static_cast<int>(documents.size())); ++i) {
            const auto id = documents[i];
            const QString label = labeler_ ? labeler_(id) : tr("Document %1").arg(id.value);
            html +=
                QStringLiteral("<li><a href='doc:%1'>%2</a></li>").arg(id.value).arg(esc(label));
        }
        html += QStringLiteral("</ul>");
    }

    // Relations, heaviest first, each with its evidence sentences.
    std::vector<int> edges;
    for (std::size_t e = 0; e < graph.edges.size(); ++e)
        if (graph.edges[e].source == index || graph.edges[e].target == index)
            edges.push_back(static_cast<int>(e));
    std::stable_sort(edges.begin(), edges.end(), [&](int a, int b) {
        return graph.edges[static_cast<std::size_t>(a)].weight >
               graph.edges[static_cast<std::size_t>(b)].weight;
    });
    html += tr("<h3>Relations (%1)</h3>").arg(edges.size());
    if (edges.size() > static_cast<std::size_t>(kMaxRelations))
        html += tr("<p><i>The %1 heaviest are listed.</i></p>").arg(kMaxRelations);
    int listed = 0;
    for (int e : edges) {
        if (listed++ >= kMaxRelations)
            break;
        const auto& edge = graph.edges[static_cast<std::size_t>(e)];
        const bool outgoing = edge.source == index;
        const auto& other =
            graph.nodes[static_cast<std::size_t>(outgoing ? edge.target : edge.source)];
        const QString arrow = !edge.directed ? QStringLiteral("—")
                              : outgoing     ? QStringLiteral("→")
                                             : QStringLiteral("←");
        html +=
            QStringLiteral("<p><b>%1</b> %2 <a href='entity:%3'>%4</a> <small>(weight %5) "
                           "<a href='unrelate:%6'>remove</a> · <a href='note-relation:%6'>note…</a>"
                           "</small></p>")
                .arg(esc(edge.type), arrow)
                .arg(other.id.value)
                .arg(esc(other.name))
                .arg(edge.weight)
                .arg(edge.id.value);
        html += relation_evidence_html(*reader_, edge.id, kMaxQuotes, &scans_);
    }
    return html;
}

} // namespace dossier::gui
