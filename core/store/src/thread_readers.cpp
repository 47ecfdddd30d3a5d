#include "dossier/store/thread_readers.h"

namespace dossier::store {

Project& ThreadReaders::here() {
    const auto id = std::this_thread::get_id();
    {
        std::lock_guard lock(mutex_);
        if (auto it = readers_.find(id); it != readers_.end())
            return *it->second;
    }
    // Opened outside the lock: opening checks the schema, which takes a while.
    auto reader = std::make_unique<Project>(Project::open(path_, OpenMode::ReadOnly));
    std::lock_guard lock(mutex_);
    return *readers_.emplace(id, std::move(reader)).first->second;
}

} // namespace dossier::store
