#pragma once
// A correction's hold on a project: its turn against a re-extraction (store::ExtractionLock,
// taken first and released last), then the project itself, open for writing. Between looking an
// entity up and recording the correction, no extraction can clear the entities. The command line
// waits for its turn; the explorer, on its GUI thread, is refused at once with the reason.
#include "dossier/store/extraction_lock.h"
#include "dossier/store/project.h"

#include <filesystem>

namespace dossier::curation {

struct CorrectionSession {
    CorrectionSession(const std::filesystem::path& path, store::ExtractionLock::Wait wait)
        : turn(path, store::ExtractionLock::Mode::Correction, wait),
          project(store::Project::open(path, store::OpenMode::ReadWrite)) {}

    store::ExtractionLock turn;
    store::Project project;
};

} // namespace dossier::curation
