// Relations the document's header states: to whom it is addressed, who sent and who signed it.
#include "dossier/extract/relation_document.h"
#include "dossier/extract/relation_spans.h"
#include "dossier/model/relation.h"

#include <algorithm>
#include <array>
#include <map>

namespace dossier::extract {
namespace {

// Header lines come first: past this many lines, or past the first long line of prose, the
// body has begun.
constexpr std::size_t kMaxHeaderLines = 40;
constexpr std::size_t kProseLineBytes = 200;
constexpr double kHeaderConfidence = 0.95;

std::string_view trim(std::string_view s) {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t' || s.front() == '\r'))
        s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r'))
        s.remove_suffix(1);
    return s;
}

bool starts_with_nocase(std::string_view s, std::string_view prefix) {
    if (s.size() < prefix.size())
        return false;
    for (std::size_t i = 0; i < prefix.size(); ++i) {
        char c = s[i];
        if (c >= 'A' && c <= 'Z')
            c = static_cast<char>(c - 'A' + 'a');
        if (c != prefix[i])
            return false;
    }
    return true;
}

bool all_capitals(std::string_view line) {
    std::size_t upper = 0;
    for (char c : line) {
        if (c >= 'a' && c <= 'z')
            return false;
        if (c >= 'A' && c <= 'Z')
            ++upper;
    }
    return upper >= 2;
}

enum class HeaderKind { None, Recipients, Senders, Other };

HeaderKind header_keyword(std::string_view line) {
    static constexpr std::array<std::string_view, 4> kTo{"to ", "to:", "for:", "attention:"};
    static constexpr std::array<std::string_view, 3> kFrom{"from ", "from:", "sender:"};
    static constexpr std::array<std::string_view, 9> kOther{
        "re:", "subject:", "subj:", "cc:", "date:", "ref:", "reference:", "no. ", "copy "};
    for (auto k : kTo)
        if (starts_with_nocase(line, k))
            return HeaderKind::Recipients;
    for (auto k : kFrom)
        if (starts_with_nocase(line, k))
            return HeaderKind::Senders;
    for (auto k : kOther)
        if (starts_with_nocase(line, k))
            return HeaderKind::Other;
    return HeaderKind::None;
}

std::string_view type_of_role(DocumentParty::Role role) {
    switch (role) {
    case DocumentParty::Role::Sender:
        return relation_types::kSentBy;
    case DocumentParty::Role::Recipient:
        return relation_types::kAddressedTo;
    case DocumentParty::Role::Signatory:
        return relation_types::kSignedBy;
    }
    return relation_types::kAddressedTo;
}

} // namespace

std::vector<Span> find_header_lines(std::string_view text, std::string_view title) {
    std::vector<Span> lines;
    std::size_t start = 0;
    title = trim(title);
    for (std::size_t n = 0; n < kMaxHeaderLines && start < text.size(); ++n) {
        std::size_t end = text.find('\n', start);
        if (end == std::string_view::npos)
            end = text.size();
        const auto raw = text.substr(start, end - start);
        const auto line = trim(raw);
        if (line.size() > kProseLineBytes)
            break;
        if (!line.empty()) {
            const bool is_header = all_capitals(line) || header_keyword(line) != HeaderKind::None ||
                                   (!title.empty() && title.ends_with(line) && line.size() >= 8);
            if (is_header) {
                const auto offset = static_cast<std::uint32_t>(start + (line.data() - raw.data()));
                lines.push_back({offset, offset + static_cast<std::uint32_t>(line.size())});
            }
        }
        start = end + 1;
    }
    return lines;
}

std::optional<SentenceMention> find_origin_country(const RelationDocumentInput& input) {
    std::map<std::int64_t, std::pair<std::size_t, const SentenceMention*>> counts;
    for (const auto& m : input.mentions)
        if (m.type == EntityType::Country && span_containing(input.header_lines, m.span.start)) {
            auto& [n, first] = counts[m.entity.value];
            if (n++ == 0)
                first = &m;
        }
    const SentenceMention* best = nullptr;
    std::size_t best_count = 0;
    for (const auto& [id, entry] : counts)
        if (entry.first > best_count ||
            (entry.first == best_count && best && entry.second->span.start < best->span.start)) {
            best_count = entry.first;
            best = entry.second;
        }
    if (!best)
        return std::nullopt;
    return *best;
}

void extract_header_relations(const RelationDocumentInput& input, RelationAccumulator& out) {
    bool has_role[3] = {false, false, false};
    auto add = [&](DocumentParty::Role role, EntityId entity, Span line, Span name) {
        if (!entity.valid() || entity == input.document_entity)
            return;
        out.add(type_of_role(role), input.document_entity, entity, true, kHeaderConfidence,
                "header", Evidence{input.id, line, {}, name}, input.date);
    };
    for (const auto& party : input.parties) {
        has_role[static_cast<int>(party.role)] = true;
        add(party.role, party.entity, party.line, party.name);
    }
    // Headers the importer did not parse: the persons and organizations named on a "To ..." or
    // "From ..." line are its recipients or senders.
    for (const auto& line : input.header_lines) {
        const auto kind = header_keyword(input.text.substr(line.start, line.size()));
        if (kind != HeaderKind::Recipients && kind != HeaderKind::Senders)
            continue;
        const auto role = kind == HeaderKind::Recipients ? DocumentParty::Role::Recipient
                                                         : DocumentParty::Role::Sender;
        if (has_role[static_cast<int>(role)])
            continue;
        for (const auto& m : input.mentions)
            if (m.span.start >= line.start && m.span.end <= line.end &&
                (m.type == EntityType::Person || m.type == EntityType::Organization))
                add(role, m.entity, line, m.span);
    }
}

} // namespace dossier::extract
