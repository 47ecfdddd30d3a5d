#include "dossier/extract/evaluation_errors.h"

#include "dossier/extract/name_key.h"

#include <algorithm>
#include <cctype>
#include <set>
#include <unordered_map>

namespace dossier::extract {
namespace {

constexpr std::size_t kContextBytes = 40;

bool is_continuation_byte(char c) {
    return (static_cast<unsigned char>(c) & 0xC0) == 0x80;
}

std::string one_line(std::string_view text) {
    std::string out(text);
    for (auto& c : out)
        if (c == '\n' || c == '\r' || c == '\t')
            c = ' ';
    return out;
}

// The text around a span, cut at whole UTF-8 characters (the CLI prints it as JSON too).
std::string context_of(std::string_view text, Span span) {
    std::size_t from = span.start > kContextBytes ? span.start - kContextBytes : 0;
    std::size_t to = std::min<std::size_t>(text.size(), span.end + kContextBytes);
    while (from > 0 && from < text.size() && is_continuation_byte(text[from]))
        --from;
    while (to < text.size() && is_continuation_byte(text[to]))
        ++to;
    return one_line(text.substr(from, to - from));
}

std::string_view surface_of(std::string_view text, Span span) {
    if (span.end > text.size() || span.start > span.end)
        return {};
    return text.substr(span.start, span.size());
}

// Skeletons of the words of a name: letters (and any non-ASCII byte) in runs; initials and
// single letters are no words.
std::vector<std::string> word_skeletons(std::string_view name) {
    std::vector<std::string> words;
    std::size_t i = 0;
    while (i < name.size()) {
        auto letter = [&](std::size_t k) {
            const auto c = static_cast<unsigned char>(name[k]);
            return c >= 0x80 || std::isalpha(c) || c == '\'';
        };
        if (!letter(i)) {
            ++i;
            continue;
        }
        std::size_t j = i;
        while (j < name.size() && letter(j))
            ++j;
        auto skeleton = name_skeleton(name.substr(i, j - i));
        if (skeleton.size() > 1)
            words.push_back(std::move(skeleton));
        i = j;
    }
    return words;
}

std::string surname_skeleton(std::string_view surface) {
    return name_skeleton(parse_person_name(surface).surname);
}

bool has_capitalised_word(std::string_view text) {
    for (std::size_t i = 0; i < text.size(); ++i)
        if (std::isupper(static_cast<unsigned char>(text[i])) &&
            (i == 0 || !std::isalpha(static_cast<unsigned char>(text[i - 1]))))
            return true;
    // A name in a non-Latin script has no case: count it as a name.
    return std::any_of(text.begin(), text.end(),
                       [](char c) { return static_cast<unsigned char>(c) >= 0x80; });
}

// `skeleton` is the listed name's surname or a word of it ("Ben Gurion, David": bengurion, ben,
// gurion).
bool is_surname_of(std::string_view listed, const std::string& skeleton) {
    const auto surname = parse_person_name(listed).surname;
    if (name_skeleton(surname) == skeleton)
        return true;
    const auto words = word_skeletons(surname);
    return std::find(words.begin(), words.end(), skeleton) != words.end();
}

// What the gold file says about names: the words of its persons list and of its annotations.
class GoldNames {
public:
    explicit GoldNames(const GoldStandard& gold) {
        for (const auto& listed : gold.listed_names)
            for (auto& w : word_skeletons(listed))
                listed_word_.emplace(std::move(w), listed);
        for (const auto& m : gold.mentions)
            if (m.document < gold.texts.size())
                for (auto& w : word_skeletons(surface_of(gold.texts[m.document], m.span)))
                    tagged_word_.insert(std::move(w));
    }

    // Empty when the name is outside the gold's scope (class (a)); else why it is not.
    std::string in_scope_reason(std::string_view surface) const {
        const auto surname = surname_skeleton(surface);
        // A two-word surname ("Ben-Gurion") is in scope when it is as a whole or by any part.
        std::vector<std::string> keys{surname};
        for (auto& w : word_skeletons(parse_person_name(surface).surname))
            keys.push_back(std::move(w));
        for (const auto& key : keys) {
            if (key.empty())
                continue;
            if (auto it = listed_word_.find(key); it != listed_word_.end())
                // Any word of a listed name puts the mention in scope, a given name too
                // ("Herman" and "Eilts, Hermann F."): say which, since that is no link.
                return is_surname_of(it->second, key)
                           ? "matches a listed person (" + it->second + ")"
                           : "matches a word of a listed name other than its surname (" +
                                 it->second + ")";
            if (tagged_word_.count(key))
                return "the gold tags this name elsewhere";
        }
        return {};
    }

private:
    std::unordered_multimap<std::string, std::string> listed_word_;
    std::set<std::string> tagged_word_;
};

std::string quoted(std::string_view text) {
    return "\u00ab" + one_line(text) + "\u00bb";
}

// "includes «Mr. »", "leaves out «Bob »": how a prediction's span differs from the gold's.
std::string boundary_reason(std::string_view text, Span predicted, Span gold) {
    std::vector<std::string> parts;
    if (predicted.start < gold.start)
        parts.push_back("includes " + quoted(surface_of(text, {predicted.start, gold.start})) +
                        " before");
    if (predicted.start > gold.start)
        parts.push_back("leaves out " + quoted(surface_of(text, {gold.start, predicted.start})) +
                        " before");
    if (predicted.end > gold.end)
        parts.push_back("includes " + quoted(surface_of(text, {gold.end, predicted.end})) +
                        " after");
    if (predicted.end < gold.end)
        parts.push_back("leaves out " + quoted(surface_of(text, {predicted.end, gold.end})) +
                        " after");
    std::string out;
    for (const auto& p : parts)
        out += (out.empty() ? "" : "; ") + p;
    return out;
}

bool overlaps(const ScoredMention& a, const ScoredMention& b) {
    return a.document == b.document && a.span.start < b.span.end && b.span.start < a.span.end;
}

} // namespace

const char* to_string(ErrorKind kind) {
    switch (kind) {
    case ErrorKind::Missed:
        return "missed";
    case ErrorKind::Spurious:
        return "spurious";
    case ErrorKind::Boundary:
        return "boundary";
    }
    return "?";
}

const char* to_string(ErrorClass error_class) {
    switch (error_class) {
    case ErrorClass::UntaggedName:
        return "a";
    case ErrorClass::SpanBoundary:
        return "b";
    case ErrorClass::NotAPerson:
        return "c";
    case ErrorClass::Other:
        return "d";
    }
    return "?";
}

std::vector<EvaluationError> classify_errors(const GoldStandard& gold,
                                             const std::vector<ScoredMention>& predicted) {
    const auto& mentions = gold.mentions;
    auto text_of = [&](const ScoredMention& m) -> std::string_view {
        return m.document < gold.texts.size() ? gold.texts[m.document] : std::string_view{};
    };
    const auto pairs = match_overlapping(mentions, predicted);
    std::vector<bool> gold_matched(mentions.size(), false), predicted_matched(predicted.size());
    for (const auto& [g, p] : pairs)
        gold_matched[g] = predicted_matched[p] = true;
    const GoldNames names(gold);

    std::vector<EvaluationError> errors;
    auto add = [&](ErrorKind kind, ErrorClass error_class, const ScoredMention& m,
                   std::string reason) {
        EvaluationError e;
        e.kind = kind;
        e.error_class = error_class;
        e.mention = m;
        e.surface = one_line(surface_of(text_of(m), m.span));
        e.reason = std::move(reason);
        e.context = context_of(text_of(m), m.span);
        errors.push_back(std::move(e));
        return &errors.back();
    };
    for (std::size_t g = 0; g < mentions.size(); ++g) {
        if (gold_matched[g])
            continue;
        const bool covered = std::any_of(predicted.begin(), predicted.end(),
                                         [&](const auto& p) { return overlaps(p, mentions[g]); });
        if (covered)
            add(ErrorKind::Missed, ErrorClass::SpanBoundary, mentions[g],
                "inside a prediction matched to another gold mention");
        else
            add(ErrorKind::Missed, ErrorClass::Other, mentions[g], "no prediction overlaps it");
    }
    for (std::size_t p = 0; p < predicted.size(); ++p) {
        if (predicted_matched[p])
            continue;
        const auto& m = predicted[p];
        const auto surface = surface_of(text_of(m), m.span);
        if (std::any_of(mentions.begin(), mentions.end(),
                        [&](const auto& g) { return overlaps(g, m); })) {
            add(ErrorKind::Spurious, ErrorClass::SpanBoundary, m,
                "overlaps a gold mention matched to another prediction");
        } else if (!has_capitalised_word(surface)) {
            add(ErrorKind::Spurious, ErrorClass::NotAPerson, m, "no capitalised word");
        } else if (std::any_of(surface.begin(), surface.end(), [](char c) {
                       return std::isdigit(static_cast<unsigned char>(c));
                   })) {
            add(ErrorKind::Spurious, ErrorClass::NotAPerson, m, "contains a digit");
        } else if (auto reason = names.in_scope_reason(surface); !reason.empty()) {
            add(ErrorKind::Spurious, ErrorClass::Other, m, std::move(reason));
        } else {
            add(ErrorKind::Spurious, ErrorClass::UntaggedName, m,
                "matches no listed person; the gold tags this surname nowhere");
        }
    }
    for (const auto& [g, p] : pairs) {
        if (predicted[p].span == mentions[g].span)
            continue;
        auto* e = add(ErrorKind::Boundary, ErrorClass::SpanBoundary, predicted[p],
                      boundary_reason(text_of(predicted[p]), predicted[p].span, mentions[g].span));
        e->gold = mentions[g];
    }
    std::stable_sort(errors.begin(), errors.end(), [](const auto& a, const auto& b) {
        if (a.mention.document != b.mention.document)
            return a.mention.document < b.mention.document;
        return a.mention.span < b.mention.span;
    });
    return errors;
}

ScopeReport score_within_listed_scope(const GoldStandard& gold,
                                      const std::vector<ScoredMention>& predicted) {
    ScopeReport scope;
    std::vector<ScoredMention> kept;
    std::set<std::pair<std::size_t, Span>> excluded_spans;
    for (const auto& e : classify_errors(gold, predicted))
        if (e.error_class == ErrorClass::UntaggedName) {
            excluded_spans.insert({e.mention.document, e.mention.span});
            ++scope.excluded[e.surface];
        }
    for (const auto& p : predicted)
        if (!excluded_spans.count({p.document, p.span}))
            kept.push_back(p);
    const auto report = evaluate_mentions(gold.mentions, kept);
    scope.exact = report.exact;
    scope.overlap = report.overlap;
    return scope;
}

} // namespace dossier::extract
