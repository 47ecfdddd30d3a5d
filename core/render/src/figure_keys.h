#pragma once
// Numbered keys instead of names (LabelMode::Keys): the figure with each keyed node's label
// replaced by its number, and the key that names them, in the order of the numbers.
#include "dossier/render/figure.h"

#include <vector>

namespace dossier::render::detail {

struct KeyedFigure {
    Figure figure; // keyed nodes labelled "1", "2", ...; every other label empty
    QString key;   // "Key: 1 Name; 2 Name; ..." (empty when nothing is keyed)
    int keyed = 0; // how many nodes carry a number
};

// Numbers `nodes` (indices into figure.nodes, most prominent first) 1, 2, ... in that order.
KeyedFigure keyed_figure(const Figure& figure, const std::vector<int>& nodes);

// The key text alone, for measuring before the figure is made.
QString key_text(const Figure& figure, const std::vector<int>& nodes);

} // namespace dossier::render::detail
