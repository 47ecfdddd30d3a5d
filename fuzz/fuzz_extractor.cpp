// libFuzzer target: arbitrary bytes as a document's text through extract_document. Every mention
// must lie inside the text, on UTF-8 character boundaries, sorted and non-overlapping, and point at
// an entity of the result (extraction.h).
#include "dossier/extract/extraction.h"
#include "dossier/model/text_utf8.h"

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string_view>

namespace {

[[noreturn]] void broken(const char* what) {
    std::fprintf(stderr, "extraction contract broken: %s\n", what);
    std::abort();
}

bool is_char_boundary(const std::string& text, std::uint32_t offset) {
    return offset >= text.size() || (static_cast<unsigned char>(text[offset]) & 0xC0U) != 0x80U;
}

const dossier::extract::ExtractionContext& context() {
    static const auto loaded = dossier::extract::ExtractionContext::load(
        dossier::extract::ExtractionContext::default_data_dir());
    return loaded;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    dossier::Document document;
    document.format = "text";
    document.source_path = "fuzz-input.txt";
    // Importers hand extraction valid UTF-8 only; the fuzzer's bytes are made so the same way.
    document.text =
        dossier::sanitize_utf8(std::string_view(reinterpret_cast<const char*>(data), size));
    const auto result = dossier::extract::extract_document(document, context());
    const auto& text = document.text;
    std::uint32_t previous_end = 0;
    for (const auto& mention : result.mentions) {
        if (mention.span.start >= mention.span.end || mention.span.end > text.size())
            broken("mention span empty or outside the text");
        if (!is_char_boundary(text, mention.span.start) ||
            !is_char_boundary(text, mention.span.end))
            broken("mention span cuts a UTF-8 character");
        if (mention.span.start < previous_end)
            broken("mentions overlap or are not sorted");
        if (mention.entity >= result.entities.size())
            broken("mention points at no entity");
        previous_end = mention.span.end;
    }
    for (const auto& party : result.header.parties)
        if (party.span.end > text.size() || party.span.start > party.span.end)
            broken("header party span outside the text");
    return 0;
}
