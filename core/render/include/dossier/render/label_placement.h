#pragma once
// Places node labels so that no two overlap: the most important nodes choose first among eight
// positions around their node, avoiding nodes when possible; a label with no free position is
// dropped. Pure geometry in page units, shared by the screen and the files.
#include <QRectF>
#include <QSizeF>
#include <vector>

namespace dossier::render {

struct LabelCandidate {
    QRectF node; // the node's box on the page
    QSizeF text; // the label's size on the page
    double priority = 0;
};

struct PlacedLabel {
    int node = 0;               // index into the candidates
    QRectF box;                 // where the text goes
    bool overlaps_node = false; // placed over some node because no clear spot was left
};

struct LabelPlacement {
    std::vector<PlacedLabel> placed; // in decreasing priority order
    std::vector<int> dropped;
};

// `area` bounds where labels may go (the figure's drawing area); gap is the space between a node
// and its label.
LabelPlacement place_labels(const std::vector<LabelCandidate>& candidates, const QRectF& area,
                            double gap = 1.0);

} // namespace dossier::render
