#include "panels/extraction_banner.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QStyle>
#include <QToolButton>

namespace dossier::gui {

ExtractionBanner::ExtractionBanner(QWidget* parent)
    : QFrame(parent), message_(new QLabel(this)),
      extract_(new QPushButton(tr("Extract Again"), this)), dismiss_(new QToolButton(this)) {
    setObjectName(QStringLiteral("extractionBanner"));
    setFrameShape(QFrame::StyledPanel);
    // A pale amber bar with dark text: a warning, legible in light and dark themes alike.
    setAutoFillBackground(true);
    QPalette colours = palette();
    colours.setColor(QPalette::Window, QColor(0xfd, 0xf1, 0xc7));
    colours.setColor(QPalette::WindowText, QColor(0x3d, 0x2e, 0x00));
    colours.setColor(QPalette::Text, QColor(0x3d, 0x2e, 0x00));
    setPalette(colours);
    auto* icon = new QLabel(this);
    icon->setPixmap(style()->standardIcon(QStyle::SP_MessageBoxWarning).pixmap(20, 20));
    message_->setObjectName(QStringLiteral("extractionBannerText"));
    message_->setWordWrap(true);
    show_state(true, 0);
    extract_->setObjectName(QStringLiteral("extractionBannerButton"));
    extract_->setToolTip(tr("Project ▸ Extract Again (Ctrl+Shift+E)"));
    dismiss_->setText(tr("Dismiss"));
    dismiss_->setAutoRaise(true);
    dismiss_->setToolTip(tr("Hide this message until the project is opened again"));
    auto* row = new QHBoxLayout(this);
    row->setContentsMargins(8, 4, 8, 4);
    row->addWidget(icon);
    row->addWidget(message_, 1);
    row->addWidget(extract_);
    row->addWidget(dismiss_);
    connect(extract_, &QPushButton::clicked, this, &ExtractionBanner::extract_requested);
    connect(dismiss_, &QToolButton::clicked, this, [this] {
        hide();
        emit dismissed();
    });
}

void ExtractionBanner::show_state(bool interrupted, int documents_not_extracted) {
    const QString never_read =
        documents_not_extracted == 1
            ? tr("1 document of this project was imported but never extracted")
            : tr("%1 documents of this project were imported but never extracted")
                  .arg(documents_not_extracted);
    QString what;
    if (interrupted && documents_not_extracted > 0)
        what = tr("<b>The last extraction of this project did not finish</b> (it was "
                  "interrupted or cancelled), and %1")
                   .arg(never_read);
    else if (interrupted)
        what = tr("<b>The last extraction of this project did not finish</b> (it was "
                  "interrupted or cancelled)");
    else
        what = tr("<b>%1</b> (an import without extraction, or one stopped before its "
                  "extraction)")
                   .arg(never_read);
    message_->setText(what + tr(": entities and relations may be missing. Extract Again reads "
                                "every document."));
}

QString ExtractionBanner::text() const {
    return message_->text();
}

} // namespace dossier::gui
