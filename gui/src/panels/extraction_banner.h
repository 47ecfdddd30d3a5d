#pragma once
// The bar above the graph that says a project's last extraction did not finish (killed or
// cancelled: store::kExtractionIncompleteSetting) or that some documents were never extracted, so
// entities and relations may be missing, with a button that runs it again. Non-modal: the project
// stays usable; Dismiss hides it until the project is opened again.
#include <QFrame>

class QLabel;
class QPushButton;
class QToolButton;

namespace dossier::gui {

class ExtractionBanner : public QFrame {
    Q_OBJECT
public:
    explicit ExtractionBanner(QWidget* parent = nullptr);
    QPushButton* extract_button() const { return extract_; }
    QString text() const;
    // Says which of the two it is (or both); the window decides whether the bar shows.
    void show_state(bool interrupted, int documents_not_extracted);

signals:
    void extract_requested();
    void dismissed();

private:
    QLabel* message_;
    QPushButton* extract_;
    QToolButton* dismiss_;
};

} // namespace dossier::gui
