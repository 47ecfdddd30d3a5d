#pragma once
// The centre of the window: paints the laid-out graph itself with GraphPainter (no scene items),
// keeps the last frame as an image so panning is a blit, hit-tests through a uniform grid, and
// shows an overview map for large graphs.
#include "graph_view/graph_painter.h"
#include "graph_view/spatial_grid.h"
#include "graph_view/view_transform.h"
#include "state/explorer_state.h"

#include <QImage>
#include <QPointer>
#include <QTimer>
#include <QWidget>
#include <optional>
#include <vector>

class QMenu;
class QRubberBand;

namespace dossier::gui {

class GraphView : public QWidget {
    Q_OBJECT
public:
    explicit GraphView(ExplorerState* state, QWidget* parent = nullptr);

    void set_style(const GraphStyle& style);
    // What the empty view says when the graph holds no entity at all; empty: how to start.
    void set_empty_message(const QString& message);
    const QString& empty_message() const { return empty_message_; }
    const GraphStyle& style() const { return painter_.style(); }
    const ViewTransform& transform() const { return transform_; }
    const GraphPainter& painter() const { return painter_; }
    // Where an entity or a community's disc is drawn, in widget pixels (for tests and tooltips);
    // nullopt if not shown.
    std::optional<QPointF> screen_position(NodeKey node) const;
    int node_at(QPointF widget_pos) const;
    int visible_node_count() const { return state_->visible().node_count; }

    // Makes a subgraph stand out (an ego network, a path): `nodes` and `edges` are indices into
    // the state's ExplorerGraph; everything else is faded, or not drawn (nor clickable) when
    // hide_rest. Kept across filter changes; cleared when a new graph is loaded, because the
    // indices refer to the graph they were taken from.
    void set_emphasis(std::vector<int> nodes, std::vector<int> edges, bool hide_rest);
    void clear_emphasis();
    bool has_emphasis() const { return painter_.has_emphasis(); }

    // Graph indices of the pinned nodes (each drawn with a pin marker, graph_painter.h).
    std::vector<int> pinned_nodes() const;
    // Releases pinned nodes where they are (layouts may move them again); emits nodes_unpinned.
    void unpin(const std::vector<int>& nodes);

public slots:
    void fit_view();
    void zoom_in();
    void zoom_out();
    void unpin_all();

signals:
    void node_activated(dossier::EntityId entity); // double-click
    void view_changed();
    // The analyst dragged a node there (pinned), or unpinned it; position in layout units.
    void node_position_changed(dossier::EntityId entity, QPointF position, bool pinned);
    // The analyst unpinned these nodes (Unpin, Unpin All) and they stay where they are.
    void nodes_unpinned(const QList<dossier::EntityId>& entities);
    // Emitted while a node's context menu is built, before it opens, with the entities it acts
    // on (the selection when the node is part of it, else the node): a slot connected directly
    // may add its actions to `menu` (corrections and questions, curation_ui.h).
    void node_menu_requested(QMenu* menu, const QList<dossier::EntityId>& entities);

protected:
    void paintEvent(QPaintEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;
    void mousePressEvent(QMouseEvent* event) override;
    void mouseMoveEvent(QMouseEvent* event) override;
    void mouseReleaseEvent(QMouseEvent* event) override;
    void mouseDoubleClickEvent(QMouseEvent* event) override;
    void wheelEvent(QWheelEvent* event) override;
    void keyPressEvent(QKeyEvent* event) override;
    void contextMenuEvent(QContextMenuEvent* event) override;
    bool event(QEvent* event) override;
    void changeEvent(QEvent* event) override;

private:
    QString empty_message_;
    void on_graph_changed();
    void on_filter_changed();
    void on_selection_changed();
    void on_positions_changed();
    void invalidate();          // the scene changed: re-render on next paint
    void render_scene();        // into cache_ at transform_
    void pan_by(QPointF delta); // in pixels
    void zoom_by(double factor, QPointF anchor);
    QRect overview_rect() const;
    void render_overview();
    void center_on_overview(QPointF widget_pos);
    // graph_view_exploration.cpp: the node menu's presentation steps (presentation.h).
    void add_community_actions(QMenu& menu, int node);
    void add_exploration_actions(QMenu& menu, int node, const QList<EntityId>& acted_on);

    ExplorerState* state_;
    GraphPainter painter_;
    ViewTransform transform_;
    SpatialGrid grid_;
    bool fitted_ = false;
    std::size_t fitted_node_count_ = 0;

    QImage cache_;
    ViewTransform cache_transform_;
    bool cache_valid_ = false;
    QTimer refresh_timer_; // re-renders after a pan settles

    QImage overview_;
    QRectF overview_world_;

    enum class Drag { None, Pan, RubberBand, Overview, Node };
    Drag drag_ = Drag::None;
    int dragged_node_ = -1;
    bool node_moved_ = false;
    QPointF grab_offset_; // node centre minus the cursor, layout units
    QPointF drag_start_;
    QPointF last_mouse_;
    QRubberBand* rubber_band_ = nullptr;

    struct Emphasis {
        std::vector<int> nodes;
        std::vector<int> edges;
        bool hide_rest = false;
    };
    std::optional<Emphasis> emphasis_;
};

} // namespace dossier::gui
