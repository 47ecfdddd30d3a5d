#pragma once
// Unpinning nodes as a step of the window's undo stack: undo pins them again where they are,
// redo releases them again. The view has already unpinned them when the command is pushed, so
// the first redo (QUndoStack::push) does nothing. Pins are node positions, not curation records:
// the command acts through `apply`, which sets the state and stores the positions.
#include "dossier/model/ids.h"

#include <QList>
#include <QUndoCommand>
#include <functional>

namespace dossier::gui {

class UnpinCommand : public QUndoCommand {
public:
    using Apply = std::function<void(const QList<EntityId>& entities, bool pinned)>;
    UnpinCommand(QList<EntityId> entities, Apply apply, const QString& text);

    void undo() override;
    void redo() override;

private:
    QList<EntityId> entities_;
    Apply apply_;
    bool applied_on_push_ = true;
};

} // namespace dossier::gui
