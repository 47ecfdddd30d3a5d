#pragma once
// A relation's evidence sentences as HTML, quoted the same way wherever a panel lists them (the
// Details panel under each relation, the Paths panel under each hop): each sentence in quotes,
// then a link `doc:ID` to its document, named by title, date and page. A sentence read from a
// scan also shows its cropped line(s) and the OCR text with doubtful words marked
// (scan_evidence.h).
#include "dossier/model/ids.h"
#include "panels/scan_evidence.h"
#include "state/project_reader.h"

#include <QString>
#include <cstddef>
#include <vector>

namespace dossier::gui {

// A <ul> of the quotes; empty when there are none.
// `scans`: the scanned lines of these quotes (matched by document and sentence).
QString evidence_quotes_html(const std::vector<EvidenceQuote>& quotes,
                             const std::vector<ScanLine>& scans = {});

// Reads up to `limit` quotes of `relation` and formats them as above; when the project cannot be
// read, a paragraph that says the evidence is unavailable and why. With `scans` open, sentences
// read by OCR show their scanned line.
QString relation_evidence_html(ProjectReader& reader, RelationId relation, std::size_t limit,
                               ScanEvidence* scans = nullptr);

} // namespace dossier::gui
