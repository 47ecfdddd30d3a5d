#include "panels/search_panel.h"

#include "graph_view/graph_style.h"

#include <QLabel>
#include <QListWidget>
#include <QSet>
#include <QVBoxLayout>

namespace dossier::gui {
namespace {
constexpr int kEntityRole = Qt::UserRole + 1;
constexpr int kDocumentRole = Qt::UserRole + 2;
constexpr int kMaxEntityHits = 30;

QString qs(const std::string& s) {
    return QString::fromUtf8(s.data(), static_cast<qsizetype>(s.size()));
}

// FTS5 treats punctuation as syntax; plain words typed by a user are quoted so "U.S." or
// "Kosygin's" search as text, while an explicit query (with quotes, AND/OR/NEAR, *) is kept.
std::string fts_query_for(const QString& text) {
    static const QStringList operators{QStringLiteral(" AND "), QStringLiteral(" OR "),
                                       QStringLiteral(" NOT "), QStringLiteral("NEAR("),
                                       QStringLiteral("\""),    QStringLiteral("*")};
    for (const auto& op : operators)
        if (text.contains(op))
            return text.toStdString();
    QStringList words;
    for (const auto& word : text.split(QLatin1Char(' '), Qt::SkipEmptyParts)) {
        QString w = word;
        w.replace(QLatin1Char('"'), QStringLiteral("\"\""));
        words << QLatin1Char('"') + w + QLatin1Char('"');
    }
    return words.join(QLatin1Char(' ')).toStdString();
}
} // namespace

SearchPanel::SearchPanel(ExplorerState* state, ProjectReader* reader, QWidget* parent)
    : QWidget(parent), state_(state), reader_(reader), summary_(new QLabel(this)),
      results_(new QListWidget(this)) {
    results_->setObjectName(QStringLiteral("searchResults"));
    summary_->setWordWrap(true);
    summary_->setText(tr("Type in the search box (Ctrl+F) and press Enter."));
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(summary_);
    layout->addWidget(results_, 1);
    auto activate = [this](QListWidgetItem* item) {
        if (!item)
            return;
        if (const auto e = item->data(kEntityRole); e.isValid())
            state_->select_one(EntityId{e.toLongLong()});
        else if (const auto d = item->data(kDocumentRole); d.isValid())
            emit document_requested(DocumentId{d.toLongLong()});
    };
    connect(results_, &QListWidget::itemActivated, this, activate);
    connect(results_, &QListWidget::itemClicked, this, activate);
}

void SearchPanel::search(const QString& raw) {
    const QString text = raw.trimmed();
    results_->clear();
    if (text.isEmpty())
        return;
    const auto& graph = *state_->graph();
    QSet<qint64> listed;
    auto add_entity = [&](EntityId id, const QString& note) {
        const int i = graph.find(id);
        if (i < 0 || listed.contains(id.value))
            return;
        listed.insert(id.value);
        const auto& node = graph.nodes[static_cast<std::size_t>(i)];
        auto* item = new QListWidgetItem(
            QStringLiteral("%1 — %2%3").arg(node.name, to_display_string(node.type), note),
            results_);
        item->setData(kEntityRole, QVariant::fromValue<qlonglong>(id.value));
        QPixmap swatch(10, 10);
        swatch.fill(type_color(node.type));
        item->setIcon(QIcon(swatch));
    };
    QString problem;
    // Exact name or alias first, then every name containing the text, then close spellings.
    try {
        const auto lookup = reader_->find_entity(text.toStdString());
        if (lookup.entity)
            add_entity(lookup.entity->id, {});
        for (std::size_t i = 0; i < graph.entity_count(); ++i) { // not the community nodes
            const auto& node = graph.nodes[i];
            if (static_cast<int>(listed.size()) >= kMaxEntityHits)
                break;
            if (node.name.contains(text, Qt::CaseInsensitive) ||
                std::any_of(node.aliases.begin(), node.aliases.end(), [&](const QString& a) {
                    return a.contains(text, Qt::CaseInsensitive);
                }))
                add_entity(node.id, {});
        }
        for (const auto& close : lookup.close)
            add_entity(close.id, tr(" (close match)"));
    } catch (const std::exception& e) {
        problem = QString::fromUtf8(e.what());
    }
    const int entity_hits = results_->count();
    int document_hits = 0;
    try {
        for (const auto& hit : reader_->search_text(fts_query_for(text))) {
            QString snippet = qs(hit.snippet).simplified();
            auto* item = new QListWidgetItem(QStringLiteral("📄 %1: %2").arg(qs(hit.title), snippet),
                                             results_);
            item->setData(kDocumentRole, QVariant::fromValue<qlonglong>(hit.id.value));
            item->setToolTip(snippet);
            ++document_hits;
        }
    } catch (const std::exception& e) {
        problem = tr("Full-text query not understood (%1). Put words in double quotes to search "
                     "for them literally.")
                      .arg(QString::fromUtf8(e.what()));
    }
    summary_->setText(
        problem.isEmpty()
            ? tr("“%1”: %2 entities, %3 documents").arg(text).arg(entity_hits).arg(document_hits)
            : problem);
}

} // namespace dossier::gui
