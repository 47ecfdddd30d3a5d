#include "dossier/graph/entity_lookup.h"

#include <algorithm>
#include <cstdint>

namespace dossier::graph {
namespace {

std::vector<char32_t> decode(const std::string& s) {
    std::vector<char32_t> out;
    for (std::size_t i = 0; i < s.size();) {
        const auto c = static_cast<unsigned char>(s[i]);
        int extra = c < 0x80 ? 0 : c < 0xE0 ? 1 : c < 0xF0 ? 2 : 3;
        char32_t cp = extra == 0   ? c
                      : extra == 1 ? (c & 0x1F)
                      : extra == 2 ? (c & 0x0F)
                                   : (c & 0x07);
        std::size_t j = i + 1;
        for (; j < s.size() && j <= i + static_cast<std::size_t>(extra); ++j)
            cp = (cp << 6) | (static_cast<unsigned char>(s[j]) & 0x3F);
        out.push_back(cp);
        i = j;
    }
    return out;
}

void encode(char32_t cp, std::string& out) {
    if (cp < 0x80) {
        out += static_cast<char>(cp);
    } else if (cp < 0x800) {
        out += static_cast<char>(0xC0 | (cp >> 6));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else if (cp < 0x10000) {
        out += static_cast<char>(0xE0 | (cp >> 12));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else {
        out += static_cast<char>(0xF0 | (cp >> 18));
        out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    }
}

char32_t lower(char32_t c) {
    if (c >= U'A' && c <= U'Z')
        return c + 32;
    if (c >= 0xC0 && c <= 0xDE && c != 0xD7) // Latin-1 capitals
        return c + 32;
    if (c >= 0x410 && c <= 0x42F) // Cyrillic А..Я
        return c + 32;
    if (c >= 0x400 && c <= 0x40F) // Cyrillic Ѐ..Џ
        return c + 80;
    return c;
}

} // namespace

std::string fold_case(const std::string& text) {
    std::string out;
    out.reserve(text.size());
    for (auto cp : decode(text))
        encode(lower(cp), out);
    return out;
}

std::size_t edit_distance(const std::string& a, const std::string& b) {
    const auto x = decode(a), y = decode(b);
    std::vector<std::size_t> row(y.size() + 1);
    for (std::size_t j = 0; j <= y.size(); ++j)
        row[j] = j;
    for (std::size_t i = 1; i <= x.size(); ++i) {
        std::size_t diagonal = row[0];
        row[0] = i;
        for (std::size_t j = 1; j <= y.size(); ++j) {
            const std::size_t above = row[j];
            row[j] =
                std::min({row[j] + 1, row[j - 1] + 1, diagonal + (x[i - 1] == y[j - 1] ? 0 : 1)});
            diagonal = above;
        }
    }
    return row[y.size()];
}

EntityLookup::EntityLookup(std::vector<store::EntityName> names) : names_(std::move(names)) {
    // Rejected entities ("not an entity") are never an answer.
    std::erase_if(names_, [](const store::EntityName& n) { return n.rejected; });
    folded_.reserve(names_.size());
    for (const auto& n : names_)
        folded_.push_back(fold_case(n.name));
}

LookupResult EntityLookup::find(const std::string& query, std::size_t max_suggestions) const {
    LookupResult result;
    auto add_unique = [](std::vector<EntityMatch>& list, const store::EntityName& n,
                         const std::string& canonical) {
        for (const auto& m : list)
            if (m.id == n.id)
                return;
        list.push_back({n.id, canonical, n.type});
    };
    auto canonical_of = [&](EntityId id) {
        for (const auto& n : names_)
            if (n.id == id && !n.is_alias)
                return n.name;
        return std::string();
    };
    // Stages from most to least exact; the first stage with an answer wins.
    const auto folded_query = fold_case(query);
    for (int stage = 0; stage < 4 && result.matches.empty(); ++stage)
        for (std::size_t i = 0; i < names_.size(); ++i) {
            const auto& n = names_[i];
            const bool hit = stage == 0   ? !n.is_alias && n.name == query
                             : stage == 1 ? n.is_alias && n.name == query
                             : stage == 2 ? !n.is_alias && folded_[i] == folded_query
                                          : n.is_alias && folded_[i] == folded_query;
            if (hit)
                add_unique(result.matches, n, canonical_of(n.id));
        }
    if (!result.matches.empty())
        return result;

    // Close matches: within a third of the query's length (at least 2 edits).
    const std::size_t limit = std::max<std::size_t>(2, decode(folded_query).size() / 3);
    std::vector<std::pair<std::size_t, std::size_t>> scored; // distance, index
    for (std::size_t i = 0; i < names_.size(); ++i) {
        const auto d = edit_distance(folded_[i], folded_query);
        if (d <= limit)
            scored.emplace_back(d, i);
    }
    std::sort(scored.begin(), scored.end(), [&](const auto& a, const auto& b) {
        return a.first != b.first ? a.first < b.first
                                  : names_[a.second].name < names_[b.second].name;
    });
    for (const auto& [distance, i] : scored) {
        if (result.suggestions.size() >= max_suggestions)
            break;
        add_unique(result.suggestions, names_[i], canonical_of(names_[i].id));
    }
    return result;
}

std::string LookupResult::not_found_message(const std::string& query) const {
    std::string message = "no entity named '" + query + "'";
    if (suggestions.empty())
        return message;
    message += "; did you mean: ";
    for (std::size_t i = 0; i < suggestions.size(); ++i) {
        if (i > 0)
            message += ", ";
        message += suggestions[i].name + " (" + std::string(to_string(suggestions[i].type)) + ")";
    }
    return message + "?";
}

} // namespace dossier::graph
