#pragma once
// Applies, undoes and redoes curation operations on a project, one transaction each, and keeps
// the log. Shaped for a QUndoStack: a command's redo() calls apply() the first time and redo()
// afterwards, its undo() calls undo().
#include "dossier/curation/operation.h"
#include "dossier/store/curation_store.h"
#include "dossier/store/project.h"

#include <string>
#include <vector>

namespace dossier::curation {

class CurationService {
public:
    CurationService(store::Project& project, std::string author);

    // Applies `op` now and records it (status 'applied') with the state it changed.
    // Throws NotApplicable or CurationError, leaving the project untouched.
    CurationId apply(const Operation& op);
    // Restores the state before the record and marks it 'undone'. A 'stale' record has no
    // effect to take back and is just marked 'undone'. Throws CurationError for an undone one.
    void undo(CurationId id);
    // Re-applies an 'undone' record and marks it 'applied'.
    void redo(CurationId id);
    // The last record still 'applied' or 'stale', the one `dossier undo` takes back by default.
    std::optional<CurationId> last_undoable();

    std::vector<store::CurationRecord> log();

private:
    store::Project& project_;
    std::string author_;
};

// $USER, else "unknown".
std::string default_author();

} // namespace dossier::curation
