#include "dossier/extract/gold_additions.h"

#include <algorithm>
#include <cctype>
#include <numeric>
#include <stdexcept>
#include <unordered_map>

namespace dossier::extract {
namespace {

std::vector<std::string> split_tabs(const std::string& line) {
    std::vector<std::string> fields;
    std::size_t start = 0;
    while (true) {
        const auto tab = line.find('\t', start);
        fields.push_back(line.substr(start, tab == std::string::npos ? tab : tab - start));
        if (tab == std::string::npos)
            return fields;
        start = tab + 1;
    }
}

std::string trimmed(std::string s) {
    const auto first = s.find_first_not_of(" \r");
    const auto last = s.find_last_not_of(" \r");
    return first == std::string::npos ? std::string() : s.substr(first, last - first + 1);
}

// A name character for word bounds: ASCII letters and digits, the hyphen of "Ben-Gurion", and
// any byte of a multi-byte UTF-8 letter (an em dash or a curly quote is punctuation; both are
// three bytes starting 0xE2 and are treated as bounds).
bool is_name_byte(std::string_view text, std::size_t i) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (c < 0x80)
        return std::isalnum(c) != 0 || c == '-';
    // Walk back to the lead byte of this character.
    std::size_t lead = i;
    while (lead > 0 && (static_cast<unsigned char>(text[lead]) & 0xC0) == 0x80)
        --lead;
    return static_cast<unsigned char>(text[lead]) != 0xE2;
}

bool overlaps(const std::vector<Span>& taken, Span span) {
    return std::any_of(taken.begin(), taken.end(),
                       [&](const Span& t) { return t.start < span.end && span.start < t.end; });
}

} // namespace

std::vector<GoldAddition> read_gold_additions(std::istream& in, const std::string& source_name) {
    std::vector<GoldAddition> additions;
    std::string line;
    std::size_t number = 0;
    while (std::getline(in, line)) {
        ++number;
        if (trimmed(line).empty() || trimmed(line)[0] == '#')
            continue;
        const auto fields = split_tabs(line);
        if (fields.size() < 3 || trimmed(fields[0]).empty() || trimmed(fields[1]).empty() ||
            trimmed(fields[2]).empty())
            throw std::runtime_error(source_name + ":" + std::to_string(number) +
                                     ": expected document, name, identity and reason separated "
                                     "by tabs");
        GoldAddition a;
        a.document = trimmed(fields[0]);
        a.name = trimmed(fields[1]);
        a.identity = trimmed(fields[2]) == "-" ? std::string() : trimmed(fields[2]);
        a.reason = fields.size() > 3 ? trimmed(fields[3]) : std::string();
        a.line = number;
        additions.push_back(std::move(a));
    }
    return additions;
}

GoldAdditionResult add_gold_mentions(const std::vector<ScoredMention>& gold,
                                     const std::vector<GoldAddition>& additions,
                                     const std::vector<std::string_view>& texts,
                                     const std::vector<std::string>& document_keys) {
    std::unordered_map<std::string, std::size_t> document_of;
    for (std::size_t i = 0; i < document_keys.size(); ++i)
        document_of.emplace(document_keys[i], i);
    std::vector<std::vector<Span>> taken(texts.size());
    for (const auto& g : gold)
        if (g.document < taken.size())
            taken[g.document].push_back(g.span);

    GoldAdditionResult result;
    result.mentions = gold;
    result.added_per_entry.assign(additions.size(), 0);
    std::vector<std::size_t> order(additions.size());
    std::iota(order.begin(), order.end(), 0);
    std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
        return additions[a].name.size() > additions[b].name.size();
    });
    for (const auto index : order) {
        const auto& a = additions[index];
        const auto doc = document_of.find(a.document);
        if (doc == document_of.end())
            throw std::runtime_error("gold additions line " + std::to_string(a.line) +
                                     ": no document '" + a.document + "' in the file");
        const std::string_view text = texts[doc->second];
        for (std::size_t at = text.find(a.name); at != std::string_view::npos;
             at = text.find(a.name, at + 1)) {
            const std::size_t end = at + a.name.size();
            if ((at > 0 && is_name_byte(text, at - 1)) ||
                (end < text.size() && is_name_byte(text, end)))
                continue;
            const Span span{static_cast<std::uint32_t>(at), static_cast<std::uint32_t>(end)};
            if (overlaps(taken[doc->second], span))
                continue;
            taken[doc->second].push_back(span);
            result.mentions.push_back({doc->second, span, a.identity});
            ++result.added_per_entry[index];
            ++result.added;
        }
        if (result.added_per_entry[index] == 0)
            throw std::runtime_error("gold additions line " + std::to_string(a.line) + ": '" +
                                     a.name + "' occurs nowhere untagged in " + a.document +
                                     " (the list is stale)");
    }
    std::sort(result.mentions.begin(), result.mentions.end(),
              [](const ScoredMention& x, const ScoredMention& y) {
                  return x.document != y.document ? x.document < y.document : x.span < y.span;
              });
    return result;
}

} // namespace dossier::extract
