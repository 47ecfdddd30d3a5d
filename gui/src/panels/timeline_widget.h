#pragma once
// The Timeline dock: documents per year (or per month for short spans) as a histogram drawn with
// QPainter; dragging across it chooses a date range that filters the graph, a double-click clears
// it.
#include "state/explorer_graph.h"

#include <QWidget>
#include <vector>

namespace dossier::gui {

class TimelineWidget : public QWidget {
    Q_OBJECT
public:
    explicit TimelineWidget(QWidget* parent = nullptr);
    void set_months(const std::vector<MonthIndex>& document_months); // 0 = undated (not drawn)
    // Chooses [from, to] (inclusive month indexes; 0, 0 clears) as if dragged.
    void set_range(MonthIndex from, MonthIndex to);
    MonthIndex range_from() const { return from_; }
    MonthIndex range_to() const { return to_; }
    MonthIndex first_month() const { return first_; }
    MonthIndex last_month() const { return last_; }
    int undated() const { return undated_; }
    QSize sizeHint() const override { return {400, 110}; }

signals:
    void range_changed(int from_month, int to_month);

protected:
    void paintEvent(QPaintEvent* event) override;
    void mousePressEvent(QMouseEvent* event) override;
    void mouseMoveEvent(QMouseEvent* event) override;
    void mouseReleaseEvent(QMouseEvent* event) override;
    void mouseDoubleClickEvent(QMouseEvent* event) override;

private:
    QRectF plot_rect() const;
    MonthIndex month_at(double x) const;
    double x_of(MonthIndex month) const;
    int bin_months() const { return by_year_ ? 12 : 1; }

    std::vector<int> bins_; // document counts per bin
    MonthIndex first_ = 0;  // first month of the first bin
    MonthIndex last_ = 0;   // last month of the last bin
    bool by_year_ = true;
    int undated_ = 0;
    MonthIndex from_ = 0, to_ = 0;
    bool dragging_ = false;
    MonthIndex drag_anchor_ = 0;
};

} // namespace dossier::gui
