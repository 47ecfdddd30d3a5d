#include "dossier/store/savepoint.h"

#include "sqlite_connection.h"

namespace dossier::store {

Savepoint::Savepoint(Project& project) : conn_(project.connection()) {
    conn_.exec("SAVEPOINT dossier_step");
}

Savepoint::~Savepoint() {
    if (!open_)
        return;
    try {
        conn_.exec("ROLLBACK TO dossier_step");
        conn_.exec("RELEASE dossier_step");
    } catch (...) {
        // The enclosing transaction, rolled back by its own destructor, undoes the step anyway.
    }
}

void Savepoint::release() {
    conn_.exec("RELEASE dossier_step");
    open_ = false;
}

} // namespace dossier::store
