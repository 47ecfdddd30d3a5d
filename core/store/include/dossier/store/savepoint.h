#pragma once
// A nested step inside an open Transaction: SAVEPOINT ... RELEASE, rolled back alone (ROLLBACK
// TO) when destroyed unreleased. A batch of files in one transaction keeps the files before a
// failing one: only that file's rows go.
#include "dossier/store/project.h"

namespace dossier::store {

class Savepoint {
public:
    explicit Savepoint(Project& project);
    ~Savepoint();
    Savepoint(const Savepoint&) = delete;
    Savepoint& operator=(const Savepoint&) = delete;
    void release();

private:
    detail::Connection& conn_;
    bool open_ = true;
};

} // namespace dossier::store
