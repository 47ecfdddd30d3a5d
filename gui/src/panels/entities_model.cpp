#include "panels/entities_model.h"

#include "graph_view/graph_style.h"

namespace dossier::gui {

EntitiesModel::EntitiesModel(ExplorerState* state, QObject* parent)
    : QAbstractTableModel(parent), state_(state) {
    connect(state_, &ExplorerState::graph_changed, this, [this] {
        beginResetModel();
        endResetModel();
    });
    connect(state_, &ExplorerState::filter_changed, this, [this] {
        if (rowCount() > 0)
            emit dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1));
    });
}

int EntitiesModel::rowCount(const QModelIndex& parent) const {
    // Entities only: the overview's community nodes come after them and are no entities.
    return parent.isValid() || !state_ ? 0 : static_cast<int>(state_->graph()->entity_count());
}

int EntitiesModel::columnCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant EntitiesModel::data(const QModelIndex& index, int role) const {
    if (!state_)
        return {};
    const auto& nodes = state_->graph()->nodes;
    if (!index.isValid() || index.row() >= static_cast<int>(state_->graph()->entity_count()))
        return {};
    const auto& node = nodes[static_cast<std::size_t>(index.row())];
    switch (role) {
    case kIdRole:
        return QVariant::fromValue<qlonglong>(node.id.value);
    case kVisibleRole:
        return state_->node_visible(index.row());
    case kSearchRole:
        return node.name + QLatin1Char('\n') + node.aliases.join(QLatin1Char('\n'));
    case Qt::DecorationRole:
        return index.column() == Name ? QVariant(type_color(node.type)) : QVariant();
    case Qt::ToolTipRole:
        return node.aliases.isEmpty()
                   ? node.name
                   : tr("%1\nalso: %2").arg(node.name, node.aliases.join(QStringLiteral(", ")));
    case Qt::TextAlignmentRole:
        return index.column() >= Mentions ? QVariant(Qt::AlignRight | Qt::AlignVCenter)
                                          : QVariant();
    case Qt::DisplayRole:
    case kSortRole: {
        const bool sort = role == kSortRole;
        switch (index.column()) {
        case Name:
            return sort ? QVariant(node.name.toCaseFolded()) : QVariant(node.name);
        case Type:
            return to_display_string(node.type);
        case Mentions:
            return node.mentions;
        case Documents:
            return node.documents;
        case Degree:
            return sort ? QVariant(node.degree) : QVariant(QString::number(node.degree, 'g', 4));
        case Betweenness:
            return sort ? QVariant(node.betweenness)
                        : QVariant(QString::number(node.betweenness, 'f', 4));
        case PageRank:
            return sort ? QVariant(node.pagerank)
                        : QVariant(QString::number(node.pagerank, 'f', 4));
        case Community: // blank, not -1, for none; sorted before every community
            if (!node.community.valid())
                return sort ? QVariant(-1) : QVariant(QString());
            return node.community.value();
        default:
            return {};
        }
    }
    default:
        return {};
    }
}

QVariant EntitiesModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    static const char* const kNames[] = {QT_TR_NOOP("Name"),     QT_TR_NOOP("Type"),
                                         QT_TR_NOOP("Mentions"), QT_TR_NOOP("Documents"),
                                         QT_TR_NOOP("Degree"),   QT_TR_NOOP("Betweenness"),
                                         QT_TR_NOOP("PageRank"), QT_TR_NOOP("Community")};
    return section >= 0 && section < ColumnCount ? tr(kNames[section]) : QVariant();
}

} // namespace dossier::gui
