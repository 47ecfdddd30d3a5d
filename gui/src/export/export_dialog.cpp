#include "export/export_dialog.h"

#include "jobs/layout_controller.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>
#include <algorithm>

namespace dossier::gui {

ExportDialog::ExportDialog(const ExplorerState* state, const GraphStyle& current,
                           const QString& project_path, QWidget* parent)
    : QDialog(parent), state_(state), project_path_(project_path), format_(new QComboBox(this)),
      output_(new QLineEdit(this)), width_(new QDoubleSpinBox(this)),
      height_(new QDoubleSpinBox(this)), dpi_(new QSpinBox(this)), palette_(new QComboBox(this)),
      color_by_(new QComboBox(this)), size_by_(new QComboBox(this)),
      legend_(new QCheckBox(tr("Legend"), this)), title_(new QLineEdit(this)),
      evidence_(new QLineEdit(this)), engine_(new QComboBox(this)), seed_(new QSpinBox(this)),
      top_(new QSpinBox(this)), top_metric_(new QComboBox(this)), edge_weight_(new QComboBox(this)),
      labels_(new QComboBox(this)), links_(new QComboBox(this)),
      aggregate_(new QCheckBox(tr("One node per community"), this)),
      save_view_(new QCheckBox(tr("Save the view file next to the figure"), this)),
      preview_(new QLabel(this)), command_(new QLabel(this)) {
    setObjectName(QStringLiteral("exportDialog"));
    setWindowTitle(tr("Export Figure"));
    format_->addItems(export_formats());
    for (int i = 3; i < format_->count(); ++i)
        format_->setItemData(i, tr("Data for other tools; positions and colours as shown"),
                             Qt::ToolTipRole);
    output_->setObjectName(QStringLiteral("exportPath"));
    const QFileInfo project(project_path);
    output_->setText(
        project.absoluteDir().filePath(project.completeBaseName() + QStringLiteral(".svg")));
    auto* browse_button = new QPushButton(tr("Browse…"), this);
    for (auto* box : {width_, height_}) {
        box->setRange(20, 2000);
        box->setSuffix(tr(" mm"));
        box->setDecimals(0);
    }
    width_->setValue(180);
    height_->setValue(120);
    dpi_->setRange(36, 2400);
    dpi_->setValue(300);
    dpi_->setSuffix(tr(" dpi"));
    palette_->addItem(tr("Okabe-Ito (colour-blind safe)"), QStringLiteral("okabe-ito"));
    palette_->addItem(tr("Grayscale"), QStringLiteral("grayscale"));
    color_by_->addItem(tr("Entity type"), static_cast<int>(ColorBy::Type));
    color_by_->addItem(tr("Community"), static_cast<int>(ColorBy::Community));
    color_by_->setCurrentIndex(current.color_by == ColorBy::Type ? 0 : 1);
    // The metrics `dossier export` can size by, so the view file regenerates the same figure.
    for (auto by : {SizeBy::Uniform, SizeBy::Degree, SizeBy::Betweenness, SizeBy::PageRank})
        size_by_->addItem(to_display_string(by), static_cast<int>(by));
    size_by_->setCurrentIndex(std::max(0, size_by_->findData(static_cast<int>(current.size_by))));
    if (current.size_by == SizeBy::Mentions)
        size_by_->setCurrentIndex(size_by_->findData(static_cast<int>(SizeBy::Degree)));
    legend_->setChecked(true);
    title_->setObjectName(QStringLiteral("exportTitle"));
    title_->setPlaceholderText(tr("Optional title above the figure"));
    evidence_->setPlaceholderText(tr("Optional CSV: one row per drawn edge with its sentence"));
    engine_->addItem(tr("As shown now"), QString());
    for (const auto& e : LayoutController::engines())
        engine_->addItem(e, e);
    seed_->setRange(0, 1 << 30);
    seed_->setValue(1);
    // --top and --edge-weight of `dossier export`, recorded in the view file.
    top_->setRange(0, 1000000);
    top_->setSpecialValueText(tr("every entity shown"));
    top_->setToolTip(tr("Keep only the N most central of the entities shown; the caption says "
                        "how many were left out"));
    for (const auto& metric :
         {QStringLiteral("pagerank"), QStringLiteral("degree"), QStringLiteral("betweenness")})
        top_metric_->addItem(metric, metric);
    edge_weight_->addItem(tr("Width"), QStringLiteral("width"));
    edge_weight_->addItem(tr("Opacity"), QStringLiteral("opacity"));
    edge_weight_->addItem(tr("Width and opacity"), QStringLiteral("both"));
    labels_->addItem(tr("Automatic"), QStringLiteral("auto"));
    labels_->addItem(tr("Names"), QStringLiteral("names"));
    labels_->addItem(tr("Numbers with a key"), QStringLiteral("keys"));
    labels_->setToolTip(tr("Numbers beside the nodes and their names in a key under the network "
                           "label more nodes on a narrow page; Automatic uses them when they "
                           "label clearly more nodes than names"));
    links_->addItem(tr("Automatic"), QStringLiteral("auto"));
    links_->addItem(tr("All"), QStringLiteral("all"));
    links_->addItem(tr("The 3 strongest of each node"), QStringLiteral("strongest"));
    links_->setToolTip(tr("A dense network prints as a mass of lines: drawing only the strongest "
                          "links of each node keeps its nodes and numbers visible. Automatic "
                          "does so above 4 links per node; the caption says how many are drawn, "
                          "and data files keep every link"));
    save_view_->setChecked(true);
    preview_->setObjectName(QStringLiteral("exportPreview"));
    preview_->setMinimumSize(360, 240);
    preview_->setAlignment(Qt::AlignCenter);
    preview_->setFrameShape(QFrame::StyledPanel);
    command_->setWordWrap(true);
    command_->setTextInteractionFlags(Qt::TextSelectableByMouse);

    auto* path_row = new QHBoxLayout;
    path_row->addWidget(output_, 1);
    path_row->addWidget(browse_button);
    auto* form = new QFormLayout;
    form->addRow(tr("Format"), format_);
    form->addRow(tr("File"), path_row);
    form->addRow(tr("Width"), width_);
    form->addRow(tr("Height"), height_);
    form->addRow(tr("Resolution (PNG)"), dpi_);
    form->addRow(tr("Palette"), palette_);
    form->addRow(tr("Colour by"), color_by_);
    form->addRow(tr("Size by"), size_by_);
    form->addRow(QString(), legend_);
    form->addRow(tr("Title"), title_);
    form->addRow(tr("Evidence appendix"), evidence_);
    form->addRow(tr("Layout engine"), engine_);
    form->addRow(tr("Seed"), seed_);
    auto* top_row = new QHBoxLayout;
    top_row->addWidget(top_, 1);
    top_row->addWidget(top_metric_);
    form->addRow(tr("Top entities"), top_row);
    form->addRow(tr("Edge weight as"), edge_weight_);
    form->addRow(tr("Labels"), labels_);
    form->addRow(tr("Links"), links_);
    aggregate_->setToolTip(tr("--aggregate community: each community of what is shown becomes one "
                              "node, labelled by its most central members and sized by its "
                              "members; the figure gets a layout of its own"));
    form->addRow(tr("Reduce"), aggregate_);
    // The community overview on screen is exported as one node per community (with its own
    // communities of what is shown: docs/GUI.md says where the two can differ).
    aggregate_->setChecked(state->presentation().mode == ShowMode::Communities);
    form->addRow(QString(), save_view_);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel, this);
    auto* columns = new QHBoxLayout;
    columns->addLayout(form);
    columns->addWidget(preview_, 1);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(columns, 1);
    layout->addWidget(command_);
    layout->addWidget(buttons);

    connect(buttons, &QDialogButtonBox::accepted, this, &ExportDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &ExportDialog::reject);
    connect(browse_button, &QPushButton::clicked, this, &ExportDialog::browse);
    connect(format_, &QComboBox::currentTextChanged, this, [this](const QString& format) {
        QFileInfo info(output_->text());
        output_->setText(info.dir().filePath(info.completeBaseName() + QLatin1Char('.') + format));
        dpi_->setEnabled(format == QLatin1String("png"));
        const bool figure = is_figure_format(format);
        for (QWidget* w :
             std::initializer_list<QWidget*>{width_, height_, legend_, title_, labels_, links_})
            w->setEnabled(figure);
        update_preview();
    });
    for (auto* box : {palette_, color_by_, size_by_, engine_, edge_weight_, labels_, links_})
        connect(box, &QComboBox::currentIndexChanged, this, &ExportDialog::update_preview);
    for (auto* box : {width_, height_})
        connect(box, &QDoubleSpinBox::valueChanged, this, &ExportDialog::update_preview);
    connect(legend_, &QCheckBox::toggled, this, &ExportDialog::update_preview);
    connect(title_, &QLineEdit::textChanged, this, &ExportDialog::update_preview);
    connect(output_, &QLineEdit::textChanged, this, &ExportDialog::update_preview);
    connect(seed_, &QSpinBox::valueChanged, this, &ExportDialog::update_preview);
    connect(evidence_, &QLineEdit::textChanged, this, &ExportDialog::update_preview);
    dpi_->setEnabled(false);
    update_preview();
}

FigureOptions ExportDialog::options() const {
    FigureOptions o;
    o.format = format_->currentText();
    o.width_mm = width_->value();
    o.height_mm = height_->value();
    o.dpi = dpi_->value();
    o.grayscale = palette_->currentData().toString() == QLatin1String("grayscale");
    o.color_by = static_cast<ColorBy>(color_by_->currentData().toInt());
    o.size_by = static_cast<SizeBy>(size_by_->currentData().toInt());
    o.legend = legend_->isChecked();
    o.title = title_->text();
    o.engine = engine_->currentData().toString();
    o.seed = static_cast<std::uint32_t>(seed_->value());
    o.evidence_csv = evidence_->text();
    o.top_n = top_->value();
    o.top_metric = top_metric_->currentData().toString();
    o.edge_weight = edge_weight_->currentData().toString();
    o.labels = labels_->currentData().toString();
    o.links = links_->currentData().toString();
    o.aggregate_communities = aggregate_->isChecked();
    return o;
}

QString ExportDialog::view_path_for(const QString& figure_path) {
    const QFileInfo info(figure_path);
    return info.dir().filePath(info.completeBaseName() + QStringLiteral(".view.json"));
}

void ExportDialog::update_preview() {
    const auto o = options();
    preview_->setPixmap(
        QPixmap::fromImage(preview_figure(*state_, o, preview_->size() - QSize(8, 8))));
    QString command = QStringLiteral("dossier export %1 --view %2 -o %3")
                          .arg(project_path_, view_path_for(output_->text()), output_->text());
    if (!o.evidence_csv.isEmpty())
        command += QStringLiteral(" --evidence ") + o.evidence_csv;
    command_->setText(
        tr("Regenerate from the command line: <code>%1</code>").arg(command.toHtmlEscaped()));
}

void ExportDialog::browse() {
    const QString format = format_->currentText();
    const QString path =
        QFileDialog::getSaveFileName(this, tr("Export Figure"), output_->text(),
                                     tr("%1 files (*.%2)").arg(format.toUpper(), format));
    if (!path.isEmpty())
        output_->setText(path);
}

QString ExportDialog::export_now() {
    const QString path = output_->text().trimmed();
    if (path.isEmpty())
        return tr("choose a file to write");
    const auto o = options();
    if (QString error = write_export(*state_, o, project_path_, path); !error.isEmpty())
        return error;
    if (save_view_->isChecked())
        if (QString error = write_view_file(*state_, o, view_path_for(path)); !error.isEmpty())
            return error;
    return {};
}

void ExportDialog::accept() {
    const QString error = export_now();
    if (!error.isEmpty()) {
        QMessageBox::warning(
            this, tr("Export failed"),
            tr("The figure was not written: %1.\nChoose another file or folder and try again.")
                .arg(error));
        return;
    }
    QDialog::accept();
}

} // namespace dossier::gui
