#pragma once
// Places node labels so that no label covers another label, a node or an obstacle (a legend, a
// title): the most important nodes choose first among the spots around their node (eight, then
// four slid along the top and bottom); a label with no free spot is dropped, never drawn over
// something. Nodes are hard obstacles because a label that hides a node misleads the reader; the
// cost is fewer labels, which the figure's caption counts. Pure geometry in page units, shared by
// the screen and the files.
#include <QRectF>
#include <QSizeF>
#include <memory>
#include <optional>
#include <vector>

namespace dossier::render {

struct LabelCandidate {
    QRectF node; // the node's box on the page
    QSizeF text; // the label's size on the page
    double priority = 0;
};

struct PlacedLabel {
    int node = 0;             // index into the candidates
    QRectF box;               // where the text goes
    bool inside_node = false; // centred in its own node (LabelPlacer::place_inside)
};

struct LabelPlacement {
    std::vector<PlacedLabel> placed; // in decreasing priority order
    std::vector<int> dropped;
};

// `area` bounds where labels may go (the figure's drawing area); gap is the space between a node
// and its label.
LabelPlacement place_labels(const std::vector<LabelCandidate>& candidates, const QRectF& area,
                            double gap = 1.0);

// The same placement one label at a time, for callers that decide the order themselves and stop
// early (the screen places the few hundred most important labels of the nodes in view, measuring
// text only for the labels it tries).
class LabelPlacer {
public:
    // cell: the side of the grid cells that index the boxes (about twice a label's height).
    LabelPlacer(const QRectF& area, double cell, double gap);
    ~LabelPlacer();
    LabelPlacer(const LabelPlacer&) = delete;
    LabelPlacer& operator=(const LabelPlacer&) = delete;

    void add_node(const QRectF& node_box); // a box no label may cover
    // The first free spot next to `node` for a label of size `text`, which is then taken;
    // nullopt when every spot leaves the area or touches a placed label or a node.
    std::optional<QRectF> place(const QRectF& node, const QSizeF& text);
    // `text` centred inside its (elliptical) node when it fits the node's inscribed rectangle and
    // no other node reaches it, then taken; nullopt otherwise. For short labels (numbered keys)
    // that would otherwise compete for room outside tightly packed nodes.
    std::optional<QRectF> place_inside(const QRectF& node, const QSizeF& text);

private:
    struct Grids;
    QRectF area_;
    double gap_;
    std::unique_ptr<Grids> grids_;
};

} // namespace dossier::render
