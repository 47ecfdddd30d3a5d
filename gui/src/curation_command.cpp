#include "curation_command.h"

#include "curation_controller.h"

namespace dossier::gui {

CurationCommand::CurationCommand(CurationController* controller, CurationId record,
                                 const QString& text)
    : controller_(controller), record_(record) {
    setText(text);
}

void CurationCommand::undo() {
    if (!controller_->undo_record(record_))
        setObsolete(true);
}

void CurationCommand::redo() {
    if (applied_on_push_) {
        applied_on_push_ = false;
        return;
    }
    if (!controller_->redo_record(record_))
        setObsolete(true);
}

} // namespace dossier::gui
