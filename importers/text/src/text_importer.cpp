#include "dossier/importers/text_importer.h"

namespace dossier::importers {
namespace {

class TextImporter final : public Importer {
public:
    std::string_view name() const override { return "text"; }
    std::vector<std::string_view> extensions() const override {
        return {".txt", ".text", ".asc", ".md", ""};
    }
    // Plain text has no signature; the registry falls back to it.
    bool sniff(std::string_view, std::string_view) const override { return false; }

    std::vector<Document> read(std::string_view path, std::string_view bytes) const override {
        auto decoded = decode_text(bytes);
        Document doc;
        doc.source_path = std::string(path);
        doc.format = "text";
        doc.text = std::move(decoded.utf8);
        doc.metadata.emplace_back("encoding", decoded.encoding);
        // The title stays empty: extraction reads it from the header lines it understands.
        std::vector<Document> docs;
        docs.push_back(std::move(doc));
        return docs;
    }
};

} // namespace

std::unique_ptr<Importer> make_text_importer() {
    return std::make_unique<TextImporter>();
}

} // namespace dossier::importers
