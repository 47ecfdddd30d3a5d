#include "dossier/render/figure_labels.h"

#include <QRegularExpression>
#include <vector>

namespace dossier::render {
namespace {

// Kinds of document, each a pattern and how a reference names it. Numbered kinds capture their
// number; dated kinds are cited with the document's date. Order matters: a telegram that
// reports a protocol is a telegram.
struct Kind {
    QRegularExpression pattern;
    QString name;
};

struct Kinds {
    std::vector<Kind> numbered;
    std::vector<Kind> dated;
    QRegularExpression edition_number; // FRUS and other editions: "123. Telegram From ..."
};

QRegularExpression case_blind(const char* pattern) {
    return QRegularExpression(QString::fromLatin1(pattern),
                              QRegularExpression::CaseInsensitiveOption);
}

const Kinds& kinds() {
    static const Kinds compiled{
        {
            {case_blind(R"(\b(?:telegram|cable|tel\.)\s+(?:no\.?\s*)?(\d[\w/-]*))"), "Tel. "},
            {case_blind(R"(\bprotocol\s+(?:no\.?\s*)?(\d[\w/-]*))"), "Protocol No. "},
            {case_blind(R"(\bdespatch\s+(?:no\.?\s*)?(\d[\w/-]*))"), "Desp. "},
            {case_blind(R"(\bairgram\s+(?:no\.?\s*)?([A-Z]?-?\d[\w/-]*))"), "Airgram "},
            {case_blind(R"(\bnote\s+(?:verbale\s+)?(?:no\.?\s*)?(\d[\w/-]*))"), "Note "},
            {case_blind(R"(\bletter\s+(?:no\.?\s*)?(\d[\w/-]*))"), "Letter "},
        },
        {
            {case_blind(R"(\bmemorandum\s+of\s+(?:a\s+)?conversation\b|\bmemcon\b)"), "Memcon"},
            {case_blind(R"(\btranscript\b|\btelephone\s+conversation\b|\btelcon\b)"), "Telcon"},
            {case_blind(R"(\bnote\b)"), "Note"},
            {case_blind(R"(\bletter\b)"), "Letter"},
        },
        case_blind(R"(^\s*(\d{1,4})\.\s)"),
    };
    return compiled;
}

QString ellipsised(const QString& text, int max_chars) {
    if (max_chars <= 0 || text.size() <= max_chars)
        return text;
    // Cut at the last space that keeps at least two thirds of the room, else mid-word.
    QString cut = text.left(max_chars - 1);
    const auto space = cut.lastIndexOf(QLatin1Char(' '));
    if (space >= max_chars * 2 / 3)
        cut.truncate(space);
    while (cut.endsWith(QLatin1Char(',')) || cut.endsWith(QLatin1Char(' ')) ||
           cut.endsWith(QLatin1Char(':')))
        cut.chop(1);
    return cut + QChar(0x2026);
}

} // namespace

QString document_reference(const QString& title, const QString& date) {
    const Kinds& known = kinds();
    for (const auto& kind : known.numbered) {
        const auto match = kind.pattern.match(title);
        if (match.hasMatch())
            return kind.name + match.captured(1);
    }
    // An edition's number is how its documents are cited ("FRUS 1958-60, XIII, Doc. 212").
    const auto numbered = known.edition_number.match(title);
    if (numbered.hasMatch())
        return QStringLiteral("Doc. ") + numbered.captured(1);
    for (const auto& kind : known.dated)
        if (kind.pattern.match(title).hasMatch())
            return date.isEmpty() ? QString() : kind.name + QLatin1Char(' ') + date;
    return {};
}

QString figure_label(std::string_view type, const QString& name, const QString& date,
                     const LabelRule& rule) {
    if (type == "document" && rule.documents_by_reference) {
        const QString reference = document_reference(name, date);
        if (!reference.isEmpty())
            return reference;
    }
    return ellipsised(name, rule.max_chars);
}

} // namespace dossier::render
