#pragma once
// Shared by the extraction tests: one loaded context (loading iso-codes takes a moment) and
// helpers to look at a result by surface text.
#include "dossier/extract/extraction.h"

#include <algorithm>
#include <string>
#include <vector>

namespace dossier::testing {

inline const extract::ExtractionContext& shared_context() {
    static const auto context = extract::ExtractionContext::load(DOSSIER_DATA_DIR);
    return context;
}

inline extract::ExtractionResult
extract_text(const std::string& text,
             const extract::ExtractionContext& context = shared_context()) {
    Document doc;
    doc.text = text;
    return extract::extract_document(doc, context);
}

struct SeenMention {
    std::string surface;
    EntityType type;
    std::string key;
    std::string canonical;
    MentionMethod method;
};

inline std::vector<SeenMention> seen(const extract::ExtractionResult& r, const std::string& text) {
    std::vector<SeenMention> out;
    for (const auto& m : r.mentions) {
        const auto& e = r.entities[m.entity];
        out.push_back(
            {text.substr(m.span.start, m.span.size()), e.type, e.key, e.canonical_name, m.method});
    }
    return out;
}

inline std::vector<std::string> surfaces_of(const extract::ExtractionResult& r,
                                            const std::string& text, EntityType type) {
    std::vector<std::string> out;
    for (const auto& m : seen(r, text))
        if (m.type == type)
            out.push_back(m.surface);
    return out;
}

// The entity key a surface resolved to ("" when the surface is no mention).
inline std::string key_of(const extract::ExtractionResult& r, const std::string& text,
                          const std::string& surface) {
    for (const auto& m : seen(r, text))
        if (m.surface == surface)
            return m.key;
    return {};
}

inline std::size_t count_of_type(const extract::ExtractionResult& r, EntityType type) {
    return static_cast<std::size_t>(std::count_if(r.entities.begin(), r.entities.end(),
                                                  [&](const auto& e) { return e.type == type; }));
}

} // namespace dossier::testing
