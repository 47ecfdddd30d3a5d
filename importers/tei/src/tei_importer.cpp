#include "dossier/importers/tei_importer.h"

namespace dossier::importers {
namespace {

class TeiImporter final : public Importer {
public:
    std::string_view name() const override { return "tei"; }
    std::vector<std::string_view> extensions() const override { return {".xml", ".tei"}; }
    bool sniff(std::string_view, std::string_view head) const override {
        return head.find("<TEI") != std::string_view::npos ||
               head.find("tei-c.org/ns/1.0") != std::string_view::npos ||
               head.find("<teiCorpus") != std::string_view::npos;
    }
    std::vector<Document> read(std::string_view path, std::string_view bytes) const override {
        return read_tei(bytes, std::string(path)).documents;
    }
};

} // namespace

std::unique_ptr<Importer> make_tei_importer() {
    return std::make_unique<TeiImporter>();
}

} // namespace dossier::importers
