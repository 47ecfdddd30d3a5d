// A graph file that opens SQLite itself: the map keeps sqlite3.h inside core/store.
#include "dossier/graph/graph_snapshot.h"
#include <sqlite3.h>
