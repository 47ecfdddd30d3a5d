#include "curation/curation_undo_command.h"

#include "curation/curation_controller.h"

namespace dossier::gui {

CurationUndoCommand::CurationUndoCommand(CurationController* controller, CurationId record,
                                         const QString& text)
    : controller_(controller), record_(record) {
    setText(text);
}

void CurationUndoCommand::undo() {
    if (!controller_->undo_record(record_))
        setObsolete(true);
}

void CurationUndoCommand::redo() {
    if (applied_on_push_) {
        applied_on_push_ = false;
        return;
    }
    if (!controller_->redo_record(record_))
        setObsolete(true);
}

} // namespace dossier::gui
