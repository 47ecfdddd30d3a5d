// The window around the graph: its docks (one named member each; docks_ lists them all for
// View ▸ Panels), the status bar, and the window state kept between sessions.
#include "app/main_window.h"
#include "curation/curation_ui.h"
#include "panels/details_panel.h"
#include "panels/documents_panel.h"
#include "panels/entities_panel.h"
#include "panels/filters_panel.h"
#include "panels/search_panel.h"
#include "panels/timeline_widget.h"

#include <QDockWidget>
#include <QLabel>
#include <QProgressBar>
#include <QSettings>
#include <QStatusBar>
#include <QToolButton>

namespace dossier::gui {

void MainWindow::create_docks() {
    filters_dock_ =
        add_dock(QStringLiteral("filtersDock"), tr("Filters"), filters_, Qt::LeftDockWidgetArea);
    entities_dock_ =
        add_dock(QStringLiteral("entitiesDock"), tr("Entities"), entities_, Qt::LeftDockWidgetArea);
    details_dock_ =
        add_dock(QStringLiteral("detailsDock"), tr("Details"), details_, Qt::RightDockWidgetArea);
    search_dock_ = add_dock(QStringLiteral("searchDock"), tr("Search Results"), search_,
                            Qt::RightDockWidgetArea);
    documents_dock_ = add_dock(QStringLiteral("documentsDock"), tr("Documents"), documents_,
                               Qt::RightDockWidgetArea);
    timeline_dock_ = add_dock(QStringLiteral("timelineDock"), tr("Timeline"), timeline_,
                              Qt::BottomDockWidgetArea);
    tabifyDockWidget(details_dock_, search_dock_);
    details_dock_->raise();
    // Curation and questions (curation_ui.h): its panels stack with Details or the Timeline.
    curation_ = new CurationUi(this);
    for (const auto& panel : curation_->panels())
        tabifyDockWidget(panel.area == Qt::RightDockWidgetArea ? details_dock_ : timeline_dock_,
                         add_dock(panel.object_name, panel.title, panel.widget, panel.area));
    details_dock_->raise();
    timeline_dock_->raise();
}

QDockWidget* MainWindow::add_dock(const QString& object_name, const QString& title, QWidget* widget,
                                  Qt::DockWidgetArea area) {
    auto* dock = new QDockWidget(title, this);
    dock->setObjectName(object_name);
    dock->setWidget(widget);
    dock->setFeatures(QDockWidget::DockWidgetMovable | QDockWidget::DockWidgetClosable |
                      QDockWidget::DockWidgetFloatable);
    addDockWidget(area, dock);
    docks_.append(dock);
    return dock;
}

void MainWindow::create_status_bar() {
    counts_label_ = new QLabel(this);
    counts_label_->setObjectName(QStringLiteral("countsLabel"));
    activity_label_ = new QLabel(this);
    progress_ = new QProgressBar(this);
    progress_->setMaximumWidth(220);
    progress_->hide();
    cancel_button_ = new QToolButton(this);
    cancel_button_->setText(tr("Cancel"));
    cancel_button_->setToolTip(tr("Stop the running import or layout (what is done is kept)"));
    cancel_button_->hide();
    statusBar()->addWidget(counts_label_, 1);
    statusBar()->addPermanentWidget(activity_label_);
    statusBar()->addPermanentWidget(progress_);
    statusBar()->addPermanentWidget(cancel_button_);
    connect(cancel_button_, &QToolButton::clicked, this, &MainWindow::cancel_running);
}

void MainWindow::restore_settings() {
    QSettings settings;
    if (!restoreGeometry(settings.value(QStringLiteral("window/geometry")).toByteArray()))
        resize(1400, 900);
    restoreState(settings.value(QStringLiteral("window/state")).toByteArray());
}

void MainWindow::save_settings() {
    QSettings settings;
    settings.setValue(QStringLiteral("window/geometry"), saveGeometry());
    settings.setValue(QStringLiteral("window/state"), saveState());
}

} // namespace dossier::gui
