#include "panels/documents_panel.h"

#include "graph_view/graph_style.h"
#include "panels/utf8_offsets.h"

#include <QHeaderView>
#include <QLabel>
#include <QSplitter>
#include <QTableView>
#include <QTextBlock>
#include <QTextBrowser>
#include <QTextCharFormat>
#include <QTextCursor>
#include <QUrl>
#include <QVBoxLayout>

namespace dossier::gui {
namespace {

QString qs(const std::string& s) {
    return QString::fromUtf8(s.data(), static_cast<qsizetype>(s.size()));
}

// One format per entity type: the type's colour as a light wash behind the text, so it reads on
// light and dark palettes, and an anchor so the mention is clickable.
QTextCharFormat mention_format(EntityType type, EntityId entity, const QPalette& palette) {
    QTextCharFormat format;
    QColor wash = type_color(type);
    wash.setAlphaF(0.35f);
    format.setBackground(wash);
    format.setForeground(palette.color(QPalette::Text));
    format.setAnchor(true);
    format.setAnchorHref(QStringLiteral("entity:%1").arg(entity.value));
    format.setToolTip(to_display_string(type));
    format.setUnderlineStyle(QTextCharFormat::SingleUnderline);
    format.setUnderlineColor(type_color(type));
    return format;
}

QTextCharFormat rejected_mention_format(const QPalette& palette) {
    QTextCharFormat format;
    format.setForeground(palette.color(QPalette::PlaceholderText));
    format.setFontStrikeOut(true);
    format.setToolTip(QObject::tr("Rejected: not an entity (see the Corrections panel)"));
    return format;
}

} // namespace

DocumentsPanel::DocumentsPanel(ExplorerState* state, ProjectReader* reader, QWidget* parent)
    : QWidget(parent), state_(state), reader_(reader), model_(new DocumentsModel(this)),
      table_(new QTableView(this)), header_(new QLabel(this)), text_(new QTextBrowser(this)) {
    table_->setObjectName(QStringLiteral("documentsTable"));
    // The model sorts (all its rows, not the loaded ones) and starts newest first, the order
    // the snapshot is read in.
    table_->setModel(model_);
    table_->horizontalHeader()->setSortIndicator(DocumentsModel::Date, Qt::DescendingOrder);
    table_->setSortingEnabled(true);
    table_->setSelectionBehavior(QAbstractItemView::SelectRows);
    table_->setSelectionMode(QAbstractItemView::SingleSelection);
    table_->verticalHeader()->hide();
    table_->horizontalHeader()->setStretchLastSection(true);
    table_->setWordWrap(false);
    text_->setObjectName(QStringLiteral("documentText"));
    text_->setOpenLinks(false);
    text_->setPlaceholderText(
        tr("Choose a document above to read it; mentions are highlighted by type "
           "and a click on one selects its entity."));
    header_->setWordWrap(true);
    header_->setTextInteractionFlags(Qt::TextSelectableByMouse);

    auto* lower = new QWidget(this);
    auto* lower_layout = new QVBoxLayout(lower);
    lower_layout->setContentsMargins(0, 0, 0, 0);
    lower_layout->addWidget(header_);
    lower_layout->addWidget(text_, 1);
    auto* splitter = new QSplitter(Qt::Vertical, this);
    splitter->addWidget(table_);
    splitter->addWidget(lower);
    splitter->setStretchFactor(1, 2);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(splitter);

    connect(table_->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex& current) {
                if (!current.isValid())
                    return;
                load_text(model_->document_at(current.row()));
            });
    connect(text_, &QTextBrowser::anchorClicked, this, [this](const QUrl& url) {
        if (url.scheme() == QLatin1String("entity"))
            state_->select_one(EntityId{url.path().toLongLong()});
    });
}

void DocumentsPanel::set_documents(std::vector<DocumentRow> rows) {
    const DocumentId keep = current_;
    model_->set_rows(std::move(rows));
    table_->resizeColumnToContents(DocumentsModel::Date);
    if (keep.valid() && model_->row_of(keep) >= 0) {
        current_ = {}; // read it again: an extraction or a correction may have changed its mentions
        show_document(keep);
    }
}

void DocumentsPanel::show_document(DocumentId id) {
    const int row = model_->table_row_of(id);
    if (row < 0)
        return;
    const QModelIndex index = model_->index(row, 0);
    table_->scrollTo(index);
    if (table_->currentIndex().row() == index.row() && current_ == id)
        return;
    table_->setCurrentIndex(index);
    if (current_ != id)
        load_text(id);
}

void DocumentsPanel::load_text(DocumentId id) {
    current_ = id;
    mention_ranges_.clear();
    const auto doc = reader_->document(id);
    if (!doc) {
        header_->clear();
        text_->setPlainText(tr("This document is no longer in the project."));
        return;
    }
    QStringList head;
    head << QStringLiteral("<b>%1</b>").arg(qs(doc->title).toHtmlEscaped());
    if (!doc->date.empty())
        head << qs(doc->date.iso());
    if (!doc->classification.empty())
        head << qs(doc->classification).toHtmlEscaped();
    if (!doc->archive_ref.empty())
        head << qs(doc->archive_ref).toHtmlEscaped();
    header_->setText(head.join(QStringLiteral(" · ")));

    text_->setPlainText(qs(doc->text));
    const Utf8ToUtf16 offsets(doc->text);
    QTextCursor cursor(text_->document());
    cursor.beginEditBlock();
    for (const auto& row : reader_->mentions_in(id)) {
        const auto& m = row.mention;
        const int from = offsets.position(m.span.start), to = offsets.position(m.span.end);
        if (to <= from)
            continue;
        cursor.setPosition(from);
        cursor.setPosition(to, QTextCursor::KeepAnchor);
        // An entity the graph does not hold was rejected ("not an entity"): its mention stays
        // visible, struck through, so the analyst sees what was rejected and can undo it.
        if (state_->graph()->find(m.entity) < 0)
            cursor.mergeCharFormat(rejected_mention_format(palette()));
        else
            cursor.mergeCharFormat(mention_format(row.type, m.entity, palette()));
        mention_ranges_.emplace_back(from, to);
    }
    cursor.endEditBlock();
    text_->moveCursor(QTextCursor::Start);
}

} // namespace dossier::gui
