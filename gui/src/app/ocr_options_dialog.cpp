#include "app/ocr_options_dialog.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace dossier::gui {

OcrOptionsDialog::OcrOptionsDialog(const OcrImportSettings& settings, QWidget* parent)
    : QDialog(parent), mode_(new QComboBox(this)), languages_(new QLineEdit(this)),
      problem_(new QLabel(this)) {
    setWindowTitle(tr("OCR Options"));
    setObjectName(QStringLiteral("ocrOptionsDialog"));
    mode_->setObjectName(QStringLiteral("ocrMode"));
    mode_->addItem(tr("auto: scans, and PDF pages without a usable text layer"),
                   ocr_mode_name(importers::OcrMode::Auto));
    mode_->addItem(tr("always: every page, even with a text layer"),
                   ocr_mode_name(importers::OcrMode::Always));
    mode_->addItem(tr("never: refuse scans"), ocr_mode_name(importers::OcrMode::Never));
    mode_->setCurrentIndex(mode_->findData(ocr_mode_name(settings.mode)));
    languages_->setObjectName(QStringLiteral("ocrLanguages"));
    languages_->setText(settings.languages);
    languages_->setToolTip(tr("Tesseract's language codes joined by '+', such as eng+rus. Each "
                              "needs its Debian package (tesseract-ocr-rus)."));
    problem_->setWordWrap(true);

    auto* form = new QFormLayout;
    form->addRow(tr("Read scans by OCR:"), mode_);
    form->addRow(tr("Languages:"), languages_);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    ok_ = buttons->button(QDialogButtonBox::Ok);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(new QLabel(tr("Used by every import from now on, as <tt>dossier import "
                                    "--ocr MODE --ocr-lang LANGUAGES</tt>."),
                                 this));
    layout->addLayout(form);
    layout->addWidget(problem_);
    layout->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(languages_, &QLineEdit::textChanged, this, &OcrOptionsDialog::check_languages);
    check_languages();
}

void OcrOptionsDialog::check_languages() {
    const QString problem = ocr_languages_problem(languages_->text());
    problem_->setText(problem);
    problem_->setVisible(!problem.isEmpty());
    ok_->setEnabled(problem.isEmpty());
}

OcrImportSettings OcrOptionsDialog::settings() const {
    OcrImportSettings chosen;
    chosen.mode =
        ocr_mode_from_name(mode_->currentData().toString()).value_or(importers::OcrMode::Auto);
    chosen.languages = languages_->text().trimmed();
    return chosen;
}

bool edit_ocr_import_settings(QWidget* parent) {
    OcrOptionsDialog dialog(load_ocr_import_settings(), parent);
    if (dialog.exec() != QDialog::Accepted)
        return false;
    save_ocr_import_settings(dialog.settings());
    return true;
}

} // namespace dossier::gui
