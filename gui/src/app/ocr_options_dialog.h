#pragma once
// File ▸ OCR Options…: how the explorer's import reads scans (mode auto|always|never and the
// Tesseract languages, as `dossier import --ocr --ocr-lang`), saved in QSettings for every later
// import.
#include "jobs/ocr_import_settings.h"

#include <QDialog>

class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;

namespace dossier::gui {

class OcrOptionsDialog : public QDialog {
    Q_OBJECT
public:
    explicit OcrOptionsDialog(const OcrImportSettings& settings, QWidget* parent = nullptr);
    // What the dialog shows now (valid once accepted).
    OcrImportSettings settings() const;

private:
    void check_languages();

    QComboBox* mode_;
    QLineEdit* languages_;
    QLabel* problem_;
    QPushButton* ok_;
};

// Shows the dialog and saves what the user accepts; false when cancelled.
bool edit_ocr_import_settings(QWidget* parent);

} // namespace dossier::gui
