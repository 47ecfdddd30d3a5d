#include "figure_keys.h"

#include <QStringList>

namespace dossier::render::detail {

QString key_text(const Figure& figure, const std::vector<int>& nodes) {
    if (nodes.empty())
        return {};
    QStringList entries;
    entries.reserve(static_cast<qsizetype>(nodes.size()));
    int number = 1;
    // A no-break space keeps each number on the line of its name when the key wraps.
    for (int node : nodes)
        entries << QString::number(number++) + QChar(0x00A0) +
                       figure.nodes[static_cast<std::size_t>(node)].label;
    return QStringLiteral("Key: ") + entries.join(QStringLiteral("; "));
}

KeyedFigure keyed_figure(const Figure& figure, const std::vector<int>& nodes) {
    KeyedFigure out{figure, key_text(figure, nodes), static_cast<int>(nodes.size())};
    for (auto& node : out.figure.nodes)
        node.label.clear();
    int number = 1;
    for (int node : nodes)
        out.figure.nodes[static_cast<std::size_t>(node)].label = QString::number(number++);
    return out;
}

} // namespace dossier::render::detail
