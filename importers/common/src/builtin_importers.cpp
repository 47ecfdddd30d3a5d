#include "dossier/importers/csv_importer.h"
#include "dossier/importers/html_importer.h"
#include "dossier/importers/image_importer.h"
#include "dossier/importers/importer_registry.h"
#include "dossier/importers/pdf_importer.h"
#include "dossier/importers/tei_importer.h"
#include "dossier/importers/text_importer.h"

namespace dossier::importers {

const ImporterRegistry& builtin_importers() {
    // Sniffing order matters: formats with a strong signature first, plain text last.
    static const ImporterRegistry registry = [] {
        ImporterRegistry r;
        r.add(make_pdf_importer());
        r.add(make_image_importer());
        r.add(make_tei_importer());
        r.add(make_html_importer());
        r.add(make_csv_importer());
        r.add(make_text_importer());
        return r;
    }();
    return registry;
}

} // namespace dossier::importers
