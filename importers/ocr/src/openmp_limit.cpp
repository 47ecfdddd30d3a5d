#include "dossier/importers/openmp_limit.h"

#include <cstdlib>
#include <unistd.h>

namespace dossier::importers {

void restart_with_single_threaded_openmp(char** argv) {
    if (std::getenv("OMP_THREAD_LIMIT") != nullptr)
        return;
    ::setenv("OMP_THREAD_LIMIT", "1", 1);
    ::execv("/proc/self/exe", argv);
    // exec failed (no /proc): carry on; OCR is slower, not wrong.
}

} // namespace dossier::importers
