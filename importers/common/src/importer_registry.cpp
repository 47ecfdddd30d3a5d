#include "dossier/importers/importer_registry.h"

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <string>

namespace dossier::importers {
namespace {

std::string lower_extension(std::string_view path) {
    auto ext = std::filesystem::path(path).extension().string();
    std::transform(ext.begin(), ext.end(), ext.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return ext;
}

} // namespace

void ImporterRegistry::add(std::unique_ptr<Importer> importer) {
    importers_.push_back(std::move(importer));
}

const Importer* ImporterRegistry::by_name(std::string_view name) const {
    for (const auto& importer : importers_)
        if (importer->name() == name)
            return importer.get();
    return nullptr;
}

const Importer* ImporterRegistry::choose(std::string_view path, std::string_view head) const {
    const auto ext = lower_extension(path);
    const Importer* by_extension = nullptr;
    for (const auto& importer : importers_) {
        const auto exts = importer->extensions();
        if (std::find(exts.begin(), exts.end(), ext) != exts.end()) {
            by_extension = importer.get();
            break;
        }
    }
    // The extension is a hint; the content decides when they disagree, because archives are full
    // of mis-named files (a scan saved as .txt, an HTML export called .doc).
    if (by_extension && by_extension->sniff(path, head))
        return by_extension;
    for (const auto& importer : importers_)
        if (importer->sniff(path, head))
            return importer.get();
    if (by_extension)
        return by_extension;
    // Unknown extension and no signature: plain text, whose importer refuses binary content.
    if (auto* text = by_name("text"))
        return text;
    return importers_.empty() ? nullptr : importers_.front().get();
}

std::vector<std::string_view> ImporterRegistry::names() const {
    std::vector<std::string_view> result;
    for (const auto& importer : importers_)
        result.push_back(importer->name());
    return result;
}

} // namespace dossier::importers
