#include "panels/timeline_widget.h"

#include <QMouseEvent>
#include <QPainter>
#include <algorithm>
#include <numeric>

namespace dossier::gui {
namespace {
QString month_label(MonthIndex m, bool year_only) {
    const int year = m / 12, month = m % 12 + 1;
    return year_only ? QString::number(year)
                     : QStringLiteral("%1-%2").arg(year).arg(month, 2, 10, QLatin1Char('0'));
}
} // namespace

TimelineWidget::TimelineWidget(QWidget* parent) : QWidget(parent) {
    setObjectName(QStringLiteral("timeline"));
    setMinimumHeight(70);
    setToolTip(tr("Drag across the histogram to show only what happened in that period; "
                  "double-click to show everything again."));
}

void TimelineWidget::set_months(const std::vector<MonthIndex>& months) {
    bins_.clear();
    undated_ = 0;
    first_ = last_ = 0;
    MonthIndex lo = 0, hi = 0;
    for (MonthIndex m : months) {
        if (m == 0) {
            ++undated_;
            continue;
        }
        lo = lo == 0 ? m : std::min(lo, m);
        hi = std::max(hi, m);
    }
    if (lo != 0) {
        // Per month when everything fits in three years, else per year.
        by_year_ = hi - lo >= 36;
        first_ = by_year_ ? lo - lo % 12 : lo;
        last_ = by_year_ ? hi - hi % 12 + 11 : hi;
        bins_.assign(static_cast<std::size_t>((last_ - first_) / bin_months() + 1), 0);
        for (MonthIndex m : months)
            if (m != 0)
                ++bins_[static_cast<std::size_t>((m - first_) / bin_months())];
    }
    update();
}

void TimelineWidget::set_range(MonthIndex from, MonthIndex to) {
    if (from > to && to != 0)
        std::swap(from, to);
    if (from == from_ && to == to_)
        return;
    from_ = from;
    to_ = to;
    update();
    emit range_changed(from_, to_);
}

QRectF TimelineWidget::plot_rect() const {
    return QRectF(rect()).adjusted(8, 6, -8, -fontMetrics().height() - 6);
}

double TimelineWidget::x_of(MonthIndex month) const {
    const QRectF r = plot_rect();
    const double span = std::max(1, last_ - first_ + 1);
    return r.left() + r.width() * (month - first_) / span;
}

MonthIndex TimelineWidget::month_at(double x) const {
    const QRectF r = plot_rect();
    const double span = last_ - first_ + 1;
    const double t = std::clamp((x - r.left()) / std::max(1.0, r.width()), 0.0, 0.9999);
    MonthIndex m = first_ + static_cast<MonthIndex>(t * span);
    return m - (m - first_) % bin_months(); // snap to the bin
}

void TimelineWidget::paintEvent(QPaintEvent*) {
    QPainter p(this);
    p.fillRect(rect(), palette().color(QPalette::Base));
    const QRectF r = plot_rect();
    p.setPen(palette().color(QPalette::Text));
    if (bins_.empty()) {
        p.drawText(rect(), Qt::AlignCenter, tr("No dated documents"));
        return;
    }
    const int max_count = std::max(1, *std::max_element(bins_.begin(), bins_.end()));
    const double bin_width = r.width() / static_cast<double>(bins_.size());
    if (from_ != 0 || to_ != 0) {
        QColor band = palette().color(QPalette::Highlight);
        band.setAlphaF(0.25f);
        const double x0 = from_ ? x_of(from_) : r.left();
        const double x1 =
            to_ ? x_of(to_ - (to_ - first_) % bin_months() + bin_months()) : r.right();
        p.fillRect(QRectF(QPointF(x0, r.top()), QPointF(x1, r.bottom())), band);
    }
    const QColor bar = palette().color(QPalette::Highlight);
    for (std::size_t i = 0; i < bins_.size(); ++i) {
        if (bins_[i] == 0)
            continue;
        const double h = r.height() * bins_[i] / max_count;
        p.fillRect(QRectF(r.left() + bin_width * static_cast<double>(i) + 0.5, r.bottom() - h,
                          std::max(1.0, bin_width - 1), h),
                   bar);
    }
    p.setPen(palette().color(QPalette::Mid));
    p.drawLine(r.bottomLeft(), r.bottomRight());
    p.setPen(palette().color(QPalette::Text));
    const QRectF labels(r.left(), r.bottom() + 2, r.width(), fontMetrics().height());
    p.drawText(labels, Qt::AlignLeft, month_label(from_ ? from_ : first_, by_year_));
    p.drawText(labels, Qt::AlignRight, month_label(to_ ? to_ : last_, by_year_));
    QString middle = tr("%1 documents").arg(std::accumulate(bins_.begin(), bins_.end(), 0));
    if (undated_ > 0)
        middle += tr(" (+%1 undated)").arg(undated_);
    p.drawText(labels, Qt::AlignHCenter, middle);
}

void TimelineWidget::mousePressEvent(QMouseEvent* event) {
    if (bins_.empty() || event->button() != Qt::LeftButton)
        return;
    dragging_ = true;
    drag_anchor_ = month_at(event->position().x());
}

void TimelineWidget::mouseMoveEvent(QMouseEvent* event) {
    if (!dragging_)
        return;
    const MonthIndex m = month_at(event->position().x());
    from_ = std::min(drag_anchor_, m);
    to_ = std::max(drag_anchor_, m) + bin_months() - 1;
    update();
}

void TimelineWidget::mouseReleaseEvent(QMouseEvent* event) {
    if (!dragging_)
        return;
    dragging_ = false;
    const MonthIndex m = month_at(event->position().x());
    const MonthIndex from = std::min(drag_anchor_, m),
                     to = std::max(drag_anchor_, m) + bin_months() - 1;
    from_ = to_ = -1; // force the signal
    set_range(from, to);
}

void TimelineWidget::mouseDoubleClickEvent(QMouseEvent*) {
    dragging_ = false;
    set_range(0, 0);
}

} // namespace dossier::gui
