#include "graph_view/graph_view.h"

#include <QContextMenuEvent>
#include <QGestureEvent>
#include <QHelpEvent>
#include <QMenu>
#include <QNativeGestureEvent>
#include <QPainter>
#include <QPinchGesture>
#include <QRubberBand>
#include <QToolTip>
#include <QWheelEvent>
#include <algorithm>
#include <cmath>

namespace dossier::gui {
namespace {
constexpr double kZoomStep = 1.25;
constexpr double kPickRadiusPixels = 6;
constexpr int kOverviewMinNodes = 200; // smaller graphs fit on screen without a map
constexpr QSize kOverviewSize{200, 140};
} // namespace

GraphView::GraphView(ExplorerState* state, QWidget* parent) : QWidget(parent), state_(state) {
    setObjectName(QStringLiteral("graphView"));
    setFocusPolicy(Qt::StrongFocus);
    setMouseTracking(true);
    setAttribute(Qt::WA_OpaquePaintEvent);
    setMinimumSize(200, 150);
    grabGesture(Qt::PinchGesture);
    painter_.set_style(GraphStyle::from_palette(palette()));
    refresh_timer_.setSingleShot(true);
    refresh_timer_.setInterval(120);
    connect(&refresh_timer_, &QTimer::timeout, this, [this] {
        cache_valid_ = false;
        update();
    });
    connect(state_, &ExplorerState::graph_changed, this, &GraphView::on_graph_changed);
    connect(state_, &ExplorerState::filter_changed, this, &GraphView::on_filter_changed);
    connect(state_, &ExplorerState::selection_changed, this, &GraphView::on_selection_changed);
    connect(state_, &ExplorerState::positions_changed, this, &GraphView::on_positions_changed);
    on_graph_changed();
}

void GraphView::set_style(const GraphStyle& style) {
    painter_.set_style(style);
    invalidate();
}

void GraphView::on_graph_changed() {
    const auto& graph = *state_->graph();
    emphasis_.reset(); // its indices belong to the previous graph
    painter_.set_graph(&graph, &state_->visible());
    std::vector<QPointF> points;
    points.reserve(graph.nodes.size());
    for (const auto& node : graph.nodes)
        points.push_back(node.position);
    grid_.build(points, 40);
    painter_.set_selection(state_->selected_nodes());
    if (graph.nodes.size() != fitted_node_count_)
        fitted_ = false;
    if (!fitted_ && width() > 0 && !graph.nodes.empty()) {
        fit_view();
        fitted_node_count_ = graph.nodes.size();
    }
    invalidate();
}

void GraphView::on_filter_changed() {
    // The visible set changed in place: sizes (by visible degree) and the overview follow it;
    // positions do not move.
    painter_.set_graph(state_->graph().get(), &state_->visible());
    painter_.set_selection(state_->selected_nodes());
    if (emphasis_)
        painter_.set_emphasis(emphasis_->nodes, emphasis_->edges, emphasis_->hide_rest);
    invalidate();
}

void GraphView::set_emphasis(std::vector<int> nodes, std::vector<int> edges, bool hide_rest) {
    emphasis_ = Emphasis{std::move(nodes), std::move(edges), hide_rest};
    painter_.set_emphasis(emphasis_->nodes, emphasis_->edges, hide_rest);
    invalidate();
}

void GraphView::clear_emphasis() {
    if (!emphasis_)
        return;
    emphasis_.reset();
    painter_.clear_emphasis();
    invalidate();
}

void GraphView::on_positions_changed() {
    const auto& graph = *state_->graph();
    painter_.update_positions(&graph);
    std::vector<QPointF> points;
    points.reserve(graph.nodes.size());
    for (const auto& node : graph.nodes)
        points.push_back(node.position);
    grid_.build(points, 40);
    invalidate();
}

void GraphView::on_selection_changed() {
    painter_.set_selection(state_->selected_nodes());
    invalidate();
}

void GraphView::invalidate() {
    cache_valid_ = false;
    overview_ = QImage();
    update();
}

std::optional<QPointF> GraphView::screen_position(NodeKey node) const {
    const int i = state_->graph()->find(node);
    if (i < 0 || !painter_.node_drawn(i))
        return std::nullopt;
    return transform_.map(state_->graph()->nodes[static_cast<std::size_t>(i)].position);
}

int GraphView::node_at(QPointF widget_pos) const {
    const QPointF world = transform_.unmap(widget_pos);
    // Big nodes are hit anywhere on their disc; small ones within a few pixels.
    const double radius = (25.0 * transform_.scale + kPickRadiusPixels) / transform_.scale;
    const int i = grid_.nearest(world, radius, [this](int n) { return painter_.node_drawn(n); });
    if (i < 0)
        return -1;
    const double r = std::max(painter_.node_radius(i) * transform_.scale, 1.5) + kPickRadiusPixels;
    const QPointF d =
        transform_.map(state_->graph()->nodes[static_cast<std::size_t>(i)].position) - widget_pos;
    return std::hypot(d.x(), d.y()) <= r ? i : -1;
}

void GraphView::fit_view() {
    QRectF bounds = painter_.visible_bounds();
    if (bounds.isEmpty() && bounds.width() <= 0 && bounds.height() <= 0 && !bounds.isNull())
        bounds = bounds.adjusted(-50, -50, 50, 50);
    if (bounds.isNull())
        return;
    transform_ = ViewTransform::fit(bounds, QRectF(rect()));
    fitted_ = true;
    cache_valid_ = false;
    update();
    emit view_changed();
}

std::vector<int> GraphView::pinned_nodes() const {
    std::vector<int> out;
    const auto& graph = *state_->graph();
    for (std::size_t i = 0; i < graph.nodes.size(); ++i)
        if (graph.nodes[i].pinned)
            out.push_back(static_cast<int>(i));
    return out;
}

void GraphView::unpin(const std::vector<int>& nodes) {
    const auto& graph = *state_->graph();
    QList<EntityId> released;
    std::vector<int> indices;
    for (int i : nodes)
        if (i >= 0 && static_cast<std::size_t>(i) < graph.nodes.size() &&
            graph.nodes[static_cast<std::size_t>(i)].pinned) {
            if (const auto& node = graph.nodes[static_cast<std::size_t>(i)]; !node.is_group())
                released.append(node.id); // the project keeps entities' pins only
            indices.push_back(i);
        }
    if (indices.empty())
        return;
    state_->set_pinned(indices, false);
    emit nodes_unpinned(released);
}

void GraphView::unpin_all() {
    unpin(pinned_nodes());
}

void GraphView::zoom_in() {
    zoom_by(kZoomStep, QRectF(rect()).center());
}
void GraphView::zoom_out() {
    zoom_by(1 / kZoomStep, QRectF(rect()).center());
}

void GraphView::zoom_by(double factor, QPointF anchor) {
    transform_.zoom_at(anchor, factor);
    transform_.scale = std::clamp(transform_.scale, 1e-4, 1e3);
    cache_valid_ = false;
    update();
    emit view_changed();
}

void GraphView::pan_by(QPointF delta) {
    transform_.offset += delta;
    // The cached frame is shifted at paint time; a full render follows once panning pauses.
    refresh_timer_.start();
    update();
    emit view_changed();
}

void GraphView::render_scene() {
    const qreal dpr = devicePixelRatioF();
    const QSize pixels = size() * dpr;
    if (cache_.size() != pixels) {
        cache_ = QImage(pixels, QImage::Format_ARGB32_Premultiplied);
        cache_.setDevicePixelRatio(dpr);
    }
    QPainter p(&cache_);
    painter_.paint_all(p, transform_, QRectF(rect()));
    cache_transform_ = transform_;
    cache_valid_ = true;
}

QRect GraphView::overview_rect() const {
    return QRect(QPoint(width() - kOverviewSize.width() - 8, height() - kOverviewSize.height() - 8),
                 kOverviewSize);
}

void GraphView::render_overview() {
    overview_world_ = painter_.visible_bounds();
    overview_ = QImage(kOverviewSize, QImage::Format_ARGB32_Premultiplied);
    QColor background = painter_.style().background;
    overview_.fill(background);
    if (overview_world_.isNull())
        return;
    const auto t =
        ViewTransform::fit(overview_world_, QRectF(QPointF(0, 0), QSizeF(kOverviewSize)), 4);
    QPainter p(&overview_);
    const auto& graph = *state_->graph();
    for (std::size_t i = 0; i < graph.nodes.size(); ++i) {
        if (!state_->visible().node_visible[i])
            continue;
        p.setPen(painter_.node_color(static_cast<int>(i)));
        p.drawPoint(t.map(graph.nodes[i].position));
    }
}

void GraphView::center_on_overview(QPointF widget_pos) {
    const QRect box = overview_rect();
    const auto t =
        ViewTransform::fit(overview_world_, QRectF(QPointF(0, 0), QSizeF(box.size())), 4);
    const QPointF world = t.unmap(widget_pos - box.topLeft());
    transform_.offset = QRectF(rect()).center() - world * transform_.scale;
    cache_valid_ = false;
    update();
    emit view_changed();
}

void GraphView::set_empty_message(const QString& message) {
    empty_message_ = message;
    update();
}

void GraphView::paintEvent(QPaintEvent*) {
    QPainter p(this);
    if (state_->graph()->nodes.empty()) {
        p.fillRect(rect(), palette().color(QPalette::Base));
        p.setPen(palette().color(QPalette::PlaceholderText));
        p.drawText(rect(), Qt::AlignCenter | Qt::TextWordWrap,
                   !empty_message_.isEmpty()
                       ? empty_message_
                       : tr("No entities to show.\nOpen a project (Ctrl+O) or import documents "
                            "(File ▸ Import Files…); drop files here to import them."));
        return;
    }
    if (!cache_valid_ || cache_transform_.scale != transform_.scale)
        render_scene();
    const QPointF shift = transform_.offset - cache_transform_.offset;
    if (!shift.isNull()) {
        p.fillRect(rect(), painter_.style().background);
        p.drawImage(shift, cache_);
    } else {
        p.drawImage(QPointF(0, 0), cache_);
    }
    if (state_->visible().node_count >= kOverviewMinNodes && width() > 3 * kOverviewSize.width()) {
        if (overview_.isNull())
            render_overview();
        const QRect box = overview_rect();
        p.drawImage(box.topLeft(), overview_);
        p.setPen(palette().color(QPalette::Mid));
        p.drawRect(box.adjusted(0, 0, -1, -1));
        const auto t =
            ViewTransform::fit(overview_world_, QRectF(QPointF(0, 0), QSizeF(box.size())), 4);
        const QRectF seen = transform_.unmap(QRectF(rect()));
        QRectF marker(t.map(seen.topLeft()) + box.topLeft(),
                      t.map(seen.bottomRight()) + box.topLeft());
        p.setPen(QPen(painter_.style().selection, 1.5));
        p.setClipRect(box);
        p.drawRect(marker);
    }
}

void GraphView::resizeEvent(QResizeEvent*) {
    if (!fitted_ && !state_->graph()->nodes.empty())
        fit_view();
    cache_valid_ = false;
}

void GraphView::changeEvent(QEvent* event) {
    if (event->type() == QEvent::PaletteChange) {
        // Follow the system palette (e.g. a switch to dark mode) but keep the user's choices.
        GraphStyle style = GraphStyle::from_palette(palette());
        const GraphStyle& old = painter_.style();
        style.color_by = old.color_by;
        style.size_by = old.size_by;
        style.show_labels = old.show_labels;
        style.width_by_weight = old.width_by_weight;
        style.style_by_relation = old.style_by_relation;
        painter_.set_style(style);
        invalidate();
    }
    QWidget::changeEvent(event);
}

void GraphView::mousePressEvent(QMouseEvent* event) {
    setFocus();
    last_mouse_ = drag_start_ = event->position();
    if (event->button() != Qt::LeftButton)
        return;
    if (!overview_.isNull() && overview_rect().contains(event->position().toPoint())) {
        drag_ = Drag::Overview;
        center_on_overview(event->position());
        return;
    }
    const int hit = node_at(event->position());
    const auto& graph = *state_->graph();
    if (hit >= 0) {
        const auto& node = graph.nodes[static_cast<std::size_t>(hit)];
        if (event->modifiers() & Qt::ControlModifier) {
            state_->toggle(node.key());
            drag_ = Drag::None;
            return;
        }
        if (!state_->selection().contains(node.key()) || state_->selection().size() != 1)
            state_->select_one(node.key());
        // Dragging it moves and pins it (see mouseMoveEvent).
        drag_ = Drag::Node;
        dragged_node_ = hit;
        node_moved_ = false;
        grab_offset_ = node.position - transform_.unmap(event->position());
        return;
    }
    if (event->modifiers() & (Qt::ShiftModifier | Qt::ControlModifier)) {
        drag_ = Drag::RubberBand;
        if (!rubber_band_)
            rubber_band_ = new QRubberBand(QRubberBand::Rectangle, this);
        rubber_band_->setGeometry(QRect(drag_start_.toPoint(), QSize()));
        rubber_band_->show();
        return;
    }
    drag_ = Drag::Pan;
    setCursor(Qt::ClosedHandCursor);
}

void GraphView::mouseMoveEvent(QMouseEvent* event) {
    const QPointF pos = event->position();
    switch (drag_) {
    case Drag::Pan:
        pan_by(pos - last_mouse_);
        break;
    case Drag::RubberBand:
        rubber_band_->setGeometry(QRect(drag_start_.toPoint(), pos.toPoint()).normalized());
        break;
    case Drag::Overview:
        center_on_overview(pos);
        break;
    case Drag::Node:
        if (node_moved_ || (pos - drag_start_).manhattanLength() >= 4) {
            node_moved_ = true;
            state_->move_node(dragged_node_, transform_.unmap(pos) + grab_offset_, true);
        }
        break;
    case Drag::None:
        setCursor(node_at(pos) >= 0 ? Qt::PointingHandCursor : Qt::ArrowCursor);
        break;
    }
    last_mouse_ = pos;
}

void GraphView::mouseReleaseEvent(QMouseEvent* event) {
    if (drag_ == Drag::RubberBand && rubber_band_) {
        rubber_band_->hide();
        const QRectF world = transform_.unmap(QRectF(drag_start_, event->position()));
        const auto hits = grid_.inside(world, [this](int n) { return painter_.node_drawn(n); });
        QList<NodeKey> chosen =
            (event->modifiers() & Qt::ControlModifier) ? state_->selection() : QList<NodeKey>{};
        for (int i : hits) {
            const NodeKey key = state_->graph()->nodes[static_cast<std::size_t>(i)].key();
            if (!chosen.contains(key))
                chosen.append(key);
        }
        state_->select(chosen);
    } else if (drag_ == Drag::Pan && (event->position() - drag_start_).manhattanLength() < 3) {
        state_->clear_selection(); // a click on empty space
    } else if (drag_ == Drag::Node && node_moved_ && dragged_node_ >= 0 &&
               static_cast<std::size_t>(dragged_node_) < state_->graph()->nodes.size()) {
        // A community's disc is placed anew with every overview: only entities keep a place.
        if (const auto& node = state_->graph()->nodes[static_cast<std::size_t>(dragged_node_)];
            !node.is_group())
            emit node_position_changed(node.id, node.position, true);
    }
    dragged_node_ = -1;
    node_moved_ = false;
    drag_ = Drag::None;
    unsetCursor();
}

void GraphView::mouseDoubleClickEvent(QMouseEvent* event) {
    const int hit = node_at(event->position());
    if (hit < 0) {
        fit_view();
        return;
    }
    const auto& node = state_->graph()->nodes[static_cast<std::size_t>(hit)];
    if (node.is_group())
        state_->unfold(node.community); // in place: its members fill its disc
    else
        emit node_activated(node.id);
}

void GraphView::wheelEvent(QWheelEvent* event) {
    const double steps = event->angleDelta().y() / 120.0;
    if (steps != 0)
        zoom_by(std::pow(kZoomStep, steps), event->position());
    event->accept();
}

void GraphView::keyPressEvent(QKeyEvent* event) {
    const double step = 60;
    switch (event->key()) {
    case Qt::Key_Left:
        pan_by(QPointF(step, 0));
        break;
    case Qt::Key_Right:
        pan_by(QPointF(-step, 0));
        break;
    case Qt::Key_Up:
        pan_by(QPointF(0, step));
        break;
    case Qt::Key_Down:
        pan_by(QPointF(0, -step));
        break;
    case Qt::Key_Plus:
    case Qt::Key_Equal:
        zoom_in();
        break;
    case Qt::Key_Minus:
        zoom_out();
        break;
    case Qt::Key_Escape:
        state_->clear_selection();
        break;
    default:
        QWidget::keyPressEvent(event);
    }
}

void GraphView::contextMenuEvent(QContextMenuEvent* event) {
    QMenu menu(this);
    const int hit = node_at(event->pos());
    if (hit >= 0 && state_->graph()->nodes[static_cast<std::size_t>(hit)].is_group()) {
        add_community_actions(menu, hit);
        menu.addSeparator();
    } else if (hit >= 0) {
        const auto& graph = *state_->graph();
        const EntityId id = graph.nodes[static_cast<std::size_t>(hit)].id;
        menu.addAction(tr("Select “%1”").arg(graph.nodes[static_cast<std::size_t>(hit)].name), this,
                       [this, id] { state_->select_one(id); });
        menu.addAction(tr("Select with Neighbours"), this, [this, hit, id] {
            QList<NodeKey> chosen{id};
            const auto& g = *state_->graph();
            for (std::size_t e = 0; e < g.edges.size(); ++e) {
                if (!state_->visible().edge_visible[e])
                    continue;
                const auto& edge = g.edges[e];
                const int source = state_->visible().drawn(edge.source);
                const int target = state_->visible().drawn(edge.target);
                const int other = source == hit ? target : target == hit ? source : -1;
                if (other >= 0 && !chosen.contains(g.nodes[static_cast<std::size_t>(other)].key()))
                    chosen.append(g.nodes[static_cast<std::size_t>(other)].key());
            }
            state_->select(chosen);
        });
        if (graph.nodes[static_cast<std::size_t>(hit)].pinned)
            menu.addAction(tr("Unpin (let layouts move it)"), this, [this, hit] { unpin({hit}); });
        // The entity's actions act on the selected entities (not on selected community discs).
        QList<EntityId> acted_on = state_->selected_entities();
        if (!acted_on.contains(id))
            acted_on = {id};
        menu.addSeparator();
        add_exploration_actions(menu, hit, acted_on);
        menu.addSeparator();
        emit node_menu_requested(&menu, acted_on);
        menu.addSeparator();
    }
    if (const auto pinned = pinned_nodes(); !pinned.empty())
        menu.addAction(tr("Unpin All (%n pinned)", nullptr, static_cast<int>(pinned.size())), this,
                       &GraphView::unpin_all);
    menu.addAction(tr("Fit to Window"), this, &GraphView::fit_view);
    menu.addAction(tr("Clear Selection"), this, [this] { state_->clear_selection(); });
    menu.exec(event->globalPos());
}

bool GraphView::event(QEvent* event) {
    switch (event->type()) {
    case QEvent::ToolTip: {
        auto* help = static_cast<QHelpEvent*>(event);
        const int hit = node_at(help->pos());
        if (hit < 0) {
            QToolTip::hideText();
            event->ignore();
            return true;
        }
        const auto& node = state_->graph()->nodes[static_cast<std::size_t>(hit)];
        QToolTip::showText(
            help->globalPos(),
            tr("<b>%1</b><br>%2 · %3 mentions in %4 documents · %5 links shown%6")
                .arg(node.name.toHtmlEscaped(), to_display_string(node.type))
                .arg(node.mentions)
                .arg(node.documents)
                .arg(state_->visible().degree[static_cast<std::size_t>(hit)])
                .arg(node.pinned ? tr("<br>pinned: layouts leave it where it is") : QString()),
            this);
        return true;
    }
    case QEvent::NativeGesture: {
        auto* gesture = static_cast<QNativeGestureEvent*>(event);
        if (gesture->gestureType() == Qt::ZoomNativeGesture) {
            zoom_by(1.0 + gesture->value(), gesture->position());
            return true;
        }
        break;
    }
    case QEvent::Gesture: {
        auto* gestures = static_cast<QGestureEvent*>(event);
        if (auto* pinch = static_cast<QPinchGesture*>(gestures->gesture(Qt::PinchGesture))) {
            zoom_by(pinch->scaleFactor(), mapFromGlobal(pinch->centerPoint().toPoint()));
            return true;
        }
        break;
    }
    default:
        break;
    }
    return QWidget::event(event);
}

} // namespace dossier::gui
