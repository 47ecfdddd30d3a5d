#pragma once
// File ▸ Export: every option of `dossier export` (figure and data formats, size, DPI, palette,
// colour and size mapping, legend, title, evidence appendix, layout engine and seed) with a live
// preview; next to the export it saves the view file that regenerates it from the command line.
#include "export/figure_export.h"

#include <QDialog>

class QComboBox;
class QDoubleSpinBox;
class QSpinBox;
class QCheckBox;
class QLineEdit;
class QLabel;

namespace dossier::gui {

class ExportDialog : public QDialog {
    Q_OBJECT
public:
    ExportDialog(const ExplorerState* state, const GraphStyle& current, const QString& project_path,
                 QWidget* parent = nullptr);

    FigureOptions options() const;
    QLineEdit* output_field() const { return output_; }
    QComboBox* format_box() const { return format_; }
    QLineEdit* title_field() const { return title_; }
    QLineEdit* evidence_field() const { return evidence_; }
    QCheckBox* save_view_box() const { return save_view_; }
    QSpinBox* top_box() const { return top_; }
    QComboBox* edge_weight_box() const { return edge_weight_; }
    QComboBox* labels_box() const { return labels_; }
    QCheckBox* aggregate_box() const { return aggregate_; }
    // Writes the figure (and view file); returns an empty string or the reason it failed.
    QString export_now();
    static QString view_path_for(const QString& figure_path);

public slots:
    void accept() override;

private:
    void update_preview();
    void browse();

    const ExplorerState* state_;
    QString project_path_;
    QComboBox* format_;
    QLineEdit* output_;
    QDoubleSpinBox* width_;
    QDoubleSpinBox* height_;
    QSpinBox* dpi_;
    QComboBox* palette_;
    QComboBox* color_by_;
    QComboBox* size_by_;
    QCheckBox* legend_;
    QLineEdit* title_;
    QLineEdit* evidence_;
    QComboBox* engine_;
    QSpinBox* seed_;
    QSpinBox* top_; // 0: every entity shown
    QComboBox* top_metric_;
    QComboBox* edge_weight_;
    QComboBox* labels_;
    QComboBox* links_;
    QCheckBox* aggregate_; // one node per community
    QCheckBox* save_view_;
    QLabel* preview_;
    QLabel* command_;
};

} // namespace dossier::gui
