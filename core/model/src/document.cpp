#include "dossier/model/document.h"

#include <algorithm>

namespace dossier {

std::vector<std::string> Document::names_with_role(DocumentParty::Role role) const {
    std::vector<std::string> names;
    for (const auto& party : parties)
        if (party.role == role)
            names.push_back(party.name);
    return names;
}

int Document::page_of(std::uint32_t offset) const {
    if (page_starts.empty())
        return 0;
    auto it = std::upper_bound(page_starts.begin(), page_starts.end(), offset);
    return static_cast<int>(std::max<std::ptrdiff_t>(1, it - page_starts.begin()));
}

} // namespace dossier
