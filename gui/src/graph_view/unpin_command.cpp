#include "graph_view/unpin_command.h"

namespace dossier::gui {

UnpinCommand::UnpinCommand(QList<EntityId> entities, Apply apply, const QString& text)
    : QUndoCommand(text), entities_(std::move(entities)), apply_(std::move(apply)) {}

void UnpinCommand::undo() {
    apply_(entities_, true);
}

void UnpinCommand::redo() {
    if (applied_on_push_) {
        applied_on_push_ = false;
        return;
    }
    apply_(entities_, false);
}

} // namespace dossier::gui
