#include "dossier/graph/graph_filter.h"

namespace dossier::graph {

bool GraphFilter::selects_edges() const {
    return !relation_types.empty() || min_weight > 0.0 || !date_from.empty() || !date_to.empty() ||
           !document_query.empty() || !document_ids.empty();
}

bool GraphFilter::has_name_query() const {
    return name_query.find_first_not_of(" \t\n\r") != std::string::npos;
}

} // namespace dossier::graph
