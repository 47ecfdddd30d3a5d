#pragma once
// Debian's libtesseract uses OpenMP inside each page's recognition. Dossier reads pages in
// parallel with one engine per core instead (faster: no OpenMP threads competing for the same
// cores), which needs OMP_THREAD_LIMIT=1; libgomp reads it once, when it is loaded at program
// start, so setting it later in the process has no effect.

namespace dossier::importers {

// When OMP_THREAD_LIMIT is unset: sets it to 1 and executes this program again with the same
// arguments (before anything else has run). A limit the user set is kept. Call first in main().
void restart_with_single_threaded_openmp(char** argv);

} // namespace dossier::importers
