#pragma once
#include "dossier/importers/importer.h"

#include <memory>

namespace dossier::importers {

// Visible text of an HTML page (no script, style or head), block elements as line breaks.
std::unique_ptr<Importer> make_html_importer();

} // namespace dossier::importers
