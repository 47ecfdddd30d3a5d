#include "panels/evidence_html.h"

#include <QCoreApplication>

namespace dossier::gui {
namespace {

QString qs(const std::string& s) {
    return QString::fromUtf8(s.data(), static_cast<qsizetype>(s.size()));
}

QString tr(const char* text) {
    return QCoreApplication::translate("dossier::gui::EvidenceHtml", text);
}

} // namespace

QString evidence_quotes_html(const std::vector<EvidenceQuote>& quotes) {
    if (quotes.empty())
        return {};
    QString html = QStringLiteral("<ul>");
    for (const auto& q : quotes) {
        QString where = qs(q.document_title);
        if (!q.document_date.empty())
            where += QStringLiteral(", ") + qs(q.document_date);
        if (q.page > 0)
            where += tr(", p. %1").arg(q.page);
        html += QStringLiteral("<li>“%1” <a href='doc:%2'>%3</a></li>")
                    .arg(qs(q.sentence).simplified().toHtmlEscaped())
                    .arg(q.document.value)
                    .arg(where.toHtmlEscaped());
    }
    html += QStringLiteral("</ul>");
    return html;
}

QString relation_evidence_html(ProjectReader& reader, RelationId relation, std::size_t limit) {
    try {
        return evidence_quotes_html(reader.evidence(relation, limit));
    } catch (const std::exception& e) {
        return tr("<p>Evidence unavailable: %1</p>").arg(qs(e.what()).toHtmlEscaped());
    }
}

} // namespace dossier::gui
