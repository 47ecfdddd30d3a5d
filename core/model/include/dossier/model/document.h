#pragma once
#include "dossier/model/date.h"
#include "dossier/model/ids.h"
#include "dossier/model/ocr_page.h"

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

namespace dossier {

// A span of a document's UTF-8 text, in bytes: [start, end).
struct Span {
    std::uint32_t start = 0;
    std::uint32_t end = 0;
    std::uint32_t size() const { return end - start; }
    auto operator<=>(const Span&) const = default;
};

// An annotation the source file already carried (TEI persName, orgName, placeName, gloss, note).
// Trusted mentions for the graph and gold data for evaluation.
struct SourceAnnotation {
    Span span;
    std::string kind; // element name: persName, orgName, placeName, gloss, note, date
    std::string ref;  // corresp / target / when, as written in the source ("#p_LJM1")
    std::string role; // type attribute ("from", "to", "source")
};

// A named party in the document's header: who sent it, to whom.
struct DocumentParty {
    enum class Role { Sender, Recipient, Signatory };
    Role role = Role::Sender;
    std::string name;
};

struct Document {
    DocumentId id;
    std::string sha256;      // of the source bytes the document came from (+ its key inside them)
    std::string source_path; // file it came from
    std::string
        source_key;     // position inside a multi-document file ("d138", "row 12"); empty if one
    std::string format; // text, html, pdf, tei, csv
    std::string title;
    PartialDate date;
    std::vector<DocumentParty> parties;
    std::string classification;
    std::string archive_ref;
    std::string language;
    std::string text; // UTF-8, line structure kept
    // For PDFs and page images: byte offset in `text` where each page starts (page i+1 starts at
    // page_starts[i]).
    std::vector<std::uint32_t> page_starts;
    std::vector<std::pair<std::string, std::string>> metadata; // free-form key/value
    std::vector<SourceAnnotation> annotations;
    // Pages whose text came from OCR (scans): their words with boxes and confidences. Empty for
    // documents read from a text layer or a text format.
    std::vector<OcrPage> ocr_pages;

    std::vector<std::string> names_with_role(DocumentParty::Role role) const;
    // 1-based page of a byte offset; 0 when the document has no page map.
    int page_of(std::uint32_t offset) const;
};

} // namespace dossier
