#include "panels/evidence_html.h"

#include <QCoreApplication>
#include <algorithm>

namespace dossier::gui {
namespace {

QString qs(const std::string& s) {
    return QString::fromUtf8(s.data(), static_cast<qsizetype>(s.size()));
}

QString tr(const char* text) {
    return QCoreApplication::translate("dossier::gui::EvidenceHtml", text);
}

} // namespace

QString evidence_quotes_html(const std::vector<EvidenceQuote>& quotes,
                             const std::vector<ScanLine>& scans) {
    if (quotes.empty())
        return {};
    QString html = QStringLiteral("<ul>");
    for (const auto& q : quotes) {
        QString where = qs(q.document_title);
        if (!q.document_date.empty())
            where += QStringLiteral(", ") + qs(q.document_date);
        if (q.page > 0)
            where += tr(", p. %1").arg(q.page);
        const auto scan = std::find_if(scans.begin(), scans.end(), [&](const ScanLine& line) {
            return line.document == q.document && line.sentence == q.sentence;
        });
        const bool scanned = scan != scans.end();
        html += QStringLiteral("<li>“%1” <a href='doc:%2'>%3</a>")
                    .arg(scanned ? scan->text_html : qs(q.sentence).simplified().toHtmlEscaped())
                    .arg(q.document.value)
                    .arg(where.toHtmlEscaped());
        if (scanned)
            html += scan_line_html(*scan);
        html += QStringLiteral("</li>");
    }
    html += QStringLiteral("</ul>");
    return html;
}

QString relation_evidence_html(ProjectReader& reader, RelationId relation, std::size_t limit,
                               ScanEvidence* scans) {
    try {
        const auto quotes = reader.evidence(relation, limit);
        if (scans == nullptr || !scans->is_open() || quotes.empty())
            return evidence_quotes_html(quotes);
        return evidence_quotes_html(quotes, scans->lines(relation, limit));
    } catch (const std::exception& e) {
        return tr("<p>Evidence unavailable: %1</p>").arg(qs(e.what()).toHtmlEscaped());
    }
}

} // namespace dossier::gui
