#include "questions/together_panel.h"

#include "curation/curation_dialogs.h"
#include "dossier/store/project.h"

#include <QFormLayout>
#include <QPushButton>
#include <QTextBrowser>
#include <QUrl>
#include <QVBoxLayout>
#include <algorithm>

namespace dossier::gui {
namespace {
QString qs(const std::string& s) {
    return QString::fromUtf8(s.data(), static_cast<qsizetype>(s.size()));
}
QString esc(const QString& s) {
    return s.toHtmlEscaped();
}
// Sentences that show their scanned line: each may need a page decoded or rendered (docs/GUI.md).
constexpr std::size_t kScannedSentencesShown = 10;
} // namespace

TogetherPanel::TogetherPanel(ExplorerState* state, EntityNamesModel* names, ScanEvidence* scans,
                             QWidget* parent)
    : QWidget(parent), state_(state), scans_(scans), first_(new EntityPicker(this)),
      second_(new EntityPicker(this)), find_button_(new QPushButton(tr("Find"), this)),
      browser_(new QTextBrowser(this)) {
    setObjectName(QStringLiteral("togetherPanel"));
    browser_->setObjectName(QStringLiteral("togetherBrowser"));
    browser_->setOpenLinks(false);
    first_->set_names(names);
    second_->set_names(names);
    auto* form = new QFormLayout;
    form->addRow(tr("Where does"), first_);
    form->addRow(tr("appear with"), second_);
    form->addRow(QString(), find_button_);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addLayout(form);
    layout->addWidget(browser_, 1);
    browser_->setHtml(tr("<p>Choose two entities to list the sentences that mention both.</p>"));
    connect(find_button_, &QPushButton::clicked, this,
            [this] { find(first_->entity(), second_->entity()); });
    connect(browser_, &QTextBrowser::anchorClicked, this, [this](const QUrl& url) {
        if (url.scheme() == QLatin1String("doc"))
            emit document_requested(DocumentId{url.path().toLongLong()});
    });
}

QString TogetherPanel::plain_text() const {
    return browser_->toPlainText();
}

int TogetherPanel::find(EntityId a, EntityId b) {
    first_->set_entity(a);
    second_->set_entity(b);
    const auto& graph = *state_->graph();
    const int ia = graph.find(a), ib = graph.find(b);
    if (ia < 0 || ib < 0 || a == b || project_path_.isEmpty()) {
        browser_->setHtml(tr("<p>Choose two different entities of the graph.</p>"));
        return 0;
    }
    const QString name_a = esc(graph.nodes[static_cast<std::size_t>(ia)].name);
    const QString name_b = esc(graph.nodes[static_cast<std::size_t>(ib)].name);
    std::vector<graph::CoMention> found;
    try {
        auto project = store::Project::open(project_path_.toStdString(), store::OpenMode::ReadOnly);
        found = graph::appear_together(project, a, b);
    } catch (const std::exception& e) {
        browser_->setHtml(tr("<p>Could not read the project: %1</p>").arg(esc(qs(e.what()))));
        return 0;
    }
    if (found.empty()) {
        browser_->setHtml(tr("<p>No sentence mentions both %1 and %2.</p>").arg(name_a, name_b));
        return 0;
    }
    QString html = found.size() == 1
                       ? tr("<p>One sentence mentions both %1 and %2.</p>").arg(name_a, name_b)
                       : tr("<p>%3 sentences mention both %1 and %2.</p>")
                             .arg(name_a, name_b)
                             .arg(found.size());
    const auto scans = scanned_lines(found);
    DocumentId current;
    for (const auto& m : found) {
        if (m.document != current) {
            if (current.valid())
                html += QStringLiteral("</ul>");
            current = m.document;
            QString head = esc(qs(m.title));
            if (!m.date.empty())
                head += QStringLiteral(" (%1)").arg(esc(qs(m.date)));
            html += QStringLiteral("<h3><a href='doc:%1'>%2</a></h3><ul>")
                        .arg(m.document.value)
                        .arg(head);
        }
        QString where;
        if (m.page > 0)
            where = tr(" <small>p. %1</small>").arg(m.page);
        const auto scan = std::find_if(scans.begin(), scans.end(), [&](const ScanLine& line) {
            return line.document == m.document && line.sentence == m.text;
        });
        const bool scanned = scan != scans.end();
        html += QStringLiteral("<li>“%1”%2%3</li>")
                    .arg(scanned ? scan->text_html : esc(qs(m.text).simplified()), where,
                         scanned ? scan_line_html(*scan) : QString());
    }
    html += QStringLiteral("</ul>");
    browser_->setHtml(html);
    return static_cast<int>(found.size());
}

std::vector<ScanLine> TogetherPanel::scanned_lines(const std::vector<graph::CoMention>& found) {
    if (scans_ == nullptr || !scans_->is_open())
        return {};
    std::vector<SentenceRef> sentences;
    for (std::size_t i = 0; i < std::min(found.size(), kScannedSentencesShown); ++i)
        sentences.push_back({found[i].document, found[i].sentence});
    try {
        return scans_->lines(sentences);
    } catch (const std::exception&) {
        return {}; // the sentences are listed without their scans
    }
}

} // namespace dossier::gui
