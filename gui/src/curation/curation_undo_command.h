#pragma once
// One curation record on the undo stack. The record is applied before the command is pushed
// (so a refused operation never reaches the stack): the first redo() that QUndoStack::push makes
// does nothing, later ones re-apply the record, undo() takes it back. A command whose undo or
// redo fails becomes obsolete, so the stack drops it instead of offering it again.
#include "dossier/model/ids.h"

#include <QUndoCommand>

namespace dossier::gui {

class CurationController;

class CurationUndoCommand : public QUndoCommand {
public:
    CurationUndoCommand(CurationController* controller, CurationId record, const QString& text);

    void undo() override;
    void redo() override;
    CurationId record() const { return record_; }

private:
    CurationController* controller_;
    CurationId record_;
    bool applied_on_push_ = true;
};

} // namespace dossier::gui
