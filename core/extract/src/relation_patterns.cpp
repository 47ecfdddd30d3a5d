#include "dossier/extract/relation_patterns.h"

#include "dossier/extract/relation_tokens.h"
#include "dossier/model/index.h"

#include <algorithm>

namespace dossier::extract {
namespace {

// Beyond this many steps for one start token a pattern gives up: gaps are bounded, so real
// sentences never come near it; it only guards against pathological rules and input.
constexpr std::size_t kStepBudget = 4096;
// A parenthesis inside a list ("Vietnam (SRV), ...") is skipped when it closes this soon.
constexpr std::size_t kMaxParenthesisTokens = 8;

// A mention's position in the sentence's mentions; tokens stay plain positions in the sentence's
// tokens, so the two cannot be swapped (next_list_item returns one of each).
using MentionIndex = Index<struct SentenceMentionTag, std::size_t>;

struct Binding {
    std::string_view slot;
    std::vector<MentionIndex> mentions;
};

class SentenceMatcher {
public:
    SentenceMatcher(const std::vector<RelationToken>& tokens,
                    std::span<const SentenceMention> mentions)
        : tokens_(tokens), mentions_(mentions), mention_at_(tokens.size(), MentionIndex::none()),
          end_token_(mentions.size(), 0) {
        // A mention fills a slot from the token it starts in to the first token past its end.
        std::size_t t = 0;
        for (MentionIndex m{0}; m != end_token_.end_index(); m = m.next()) {
            const auto& span = mention(m).span;
            while (t < tokens.size() && tokens[t].span.end <= span.start)
                ++t;
            if (t == tokens.size())
                break;
            std::size_t end = t;
            while (end < tokens.size() && tokens[end].span.start < span.end)
                ++end;
            end_token_[m] = end;
            // Several mentions starting in one token: keep the longest.
            if (!mention_at_[t].valid() || end > end_token_[mention_at_[t]])
                mention_at_[t] = m;
        }
    }

    // Every complete match of `pattern` starting at each token, first (fewest-gap) match only.
    template <class OnMatch>
    void run(const std::vector<PatternElement>& pattern, OnMatch&& on_match) {
        const auto& first = pattern.front();
        for (std::size_t start = 0; start < tokens_.size(); ++start) {
            // Cheap rejection on the first element: most start tokens fail right there.
            if (first.kind == PatternElement::Kind::Slot && !mention_at_[start].valid())
                continue;
            if (first.kind == PatternElement::Kind::Literal && !first.optional &&
                std::find(first.words.begin(), first.words.end(), tokens_[start].norm) ==
                    first.words.end())
                continue;
            bindings_.clear();
            steps_ = 0;
            if (match(pattern, 0, start))
                on_match(bindings_);
        }
    }

private:
    const SentenceMention& mention(MentionIndex m) const { return mentions_[m.slot()]; }

    bool slot_allows(const PatternElement& element, MentionIndex m) const {
        return std::find(element.types.begin(), element.types.end(), mention(m).type) !=
               element.types.end();
    }

    bool is(std::size_t t, std::string_view word) const {
        return t < tokens_.size() && tokens_[t].norm == word;
    }

    // After a list item: skips "(SRV)", then ",", "and"/"or", "the"; returns the next item's
    // mention and its token, or no mention.
    std::pair<MentionIndex, std::size_t> next_list_item(const PatternElement& element,
                                                        std::size_t t) const {
        if (is(t, "(")) {
            std::size_t close = t + 1;
            while (close < tokens_.size() && close <= t + kMaxParenthesisTokens && !is(close, ")"))
                ++close;
            if (!is(close, ")"))
                return {MentionIndex::none(), t};
            t = close + 1;
        }
        bool separated = false;
        if (is(t, ",")) {
            ++t;
            separated = true;
        }
        if (is(t, "and") || is(t, "or")) {
            ++t;
            separated = true;
        }
        if (!separated)
            return {MentionIndex::none(), t};
        if (is(t, "the"))
            ++t;
        if (t < tokens_.size() && mention_at_[t].valid() && slot_allows(element, mention_at_[t]))
            return {mention_at_[t], t};
        return {MentionIndex::none(), t};
    }

    bool match(const std::vector<PatternElement>& pattern, std::size_t e, std::size_t t) {
        if (++steps_ > kStepBudget)
            return false;
        if (e == pattern.size())
            return true;
        const auto& element = pattern[e];
        switch (element.kind) {
        case PatternElement::Kind::Literal: {
            if (t < tokens_.size() &&
                std::find(element.words.begin(), element.words.end(), tokens_[t].norm) !=
                    element.words.end() &&
                match(pattern, e + 1, t + 1))
                return true;
            return element.optional && match(pattern, e + 1, t);
        }
        case PatternElement::Kind::Gap: {
            // Nearest argument: a gap right after a slot does not skip a mention that could
            // fill that slot ("Lind reported that Osterlich is pressuring Fenwick": Osterlich
            // pressures Fenwick, not Lind).
            const PatternElement* slot_before =
                e > 0 && pattern[e - 1].kind == PatternElement::Kind::Slot ? &pattern[e - 1]
                                                                           : nullptr;
            for (std::size_t skip = 0; skip <= element.max_gap && t + skip <= tokens_.size();
                 ++skip) {
                if (skip > 0 && slot_before) {
                    const MentionIndex skipped = mention_at_[t + skip - 1];
                    if (skipped.valid() && slot_allows(*slot_before, skipped))
                        return false;
                }
                if (match(pattern, e + 1, t + skip))
                    return true;
            }
            return false;
        }
        case PatternElement::Kind::Slot: {
            if (t >= tokens_.size() || !mention_at_[t].valid() ||
                !slot_allows(element, mention_at_[t]))
                return false;
            Binding binding{element.slot, {mention_at_[t]}};
            std::size_t next = end_token_[mention_at_[t]];
            if (element.list) {
                for (auto [m, at] = next_list_item(element, next); m.valid();
                     std::tie(m, at) = next_list_item(element, next)) {
                    binding.mentions.push_back(m);
                    next = end_token_[m];
                }
            }
            bindings_.push_back(std::move(binding));
            if (match(pattern, e + 1, next))
                return true;
            bindings_.pop_back();
            return false;
        }
        }
        return false;
    }

    const std::vector<RelationToken>& tokens_;
    std::span<const SentenceMention> mentions_;
    std::vector<MentionIndex> mention_at_; // per token: the mention starting there, or none
    IndexedVector<MentionIndex, std::size_t> end_token_; // per mention: first token after it
    std::vector<Binding> bindings_;
    std::size_t steps_ = 0;
};

const Binding* find_binding(const std::vector<Binding>& bindings, std::string_view slot) {
    for (const auto& b : bindings)
        if (b.slot == slot)
            return &b;
    return nullptr;
}

} // namespace

RelationPatternMatcher::RelationPatternMatcher(const RelationRuleSet& rules) : rules_(rules) {
    for (const auto& rule : rules_.rules) {
        auto& of_rule = required_literals_.emplace_back();
        for (const auto& pattern : rule.patterns) {
            auto& of_pattern = of_rule.emplace_back();
            for (const auto& element : pattern) {
                if (element.kind != PatternElement::Kind::Literal || element.optional)
                    continue;
                const std::size_t literal = literal_count_++;
                of_pattern.push_back(literal);
                for (const auto& word : element.words)
                    literals_of_word_[word].push_back(literal);
            }
        }
    }
}

std::vector<PatternMatch>
RelationPatternMatcher::match(std::string_view text, Span sentence,
                              std::span<const SentenceMention> mentions,
                              const std::optional<SentenceMention>& origin) const {
    std::vector<PatternMatch> matches;
    if (mentions.empty())
        return matches;
    const auto tokens = tokenize_for_relations(text, sentence);
    SentenceMatcher matcher(tokens, mentions);
    // A pattern that lacks one of its required words here cannot match, so it is not run: most
    // patterns need a word ("against", "alliance") most sentences lack, and running them from
    // every mention that could fill their first slot was most of their cost.
    std::vector<char> literal_present(literal_count_, 0);
    for (const auto& token : tokens)
        if (auto it = literals_of_word_.find(token.norm); it != literals_of_word_.end())
            for (const std::size_t literal : it->second)
                literal_present[literal] = 1;
    for (std::size_t r = 0; r < rules_.rules.size(); ++r) {
        const auto& rule = rules_.rules[r];
        const bool implicit_source = rule.source == "@origin";
        if (implicit_source && !origin)
            continue;
        for (std::size_t p = 0; p < rule.patterns.size(); ++p) {
            const auto& pattern = rule.patterns[p];
            const auto& required = required_literals_[r][p];
            if (!std::all_of(required.begin(), required.end(),
                             [&](std::size_t literal) { return literal_present[literal] != 0; }))
                continue;
            matcher.run(pattern, [&](const std::vector<Binding>& bindings) {
                const Binding* targets = find_binding(bindings, rule.target);
                const Binding* sources =
                    implicit_source ? nullptr : find_binding(bindings, rule.source);
                if (!targets || (!implicit_source && !sources))
                    return;
                auto emit = [&](EntityId source, Span source_span, MentionIndex t) {
                    const auto& target = mentions[t.slot()];
                    if (source == target.entity)
                        return;
                    matches.push_back({&rule, source, target.entity, source_span, target.span});
                };
                for (MentionIndex t : targets->mentions) {
                    if (implicit_source)
                        emit(origin->entity, origin->span, t);
                    else
                        for (MentionIndex s : sources->mentions)
                            emit(mentions[s.slot()].entity, mentions[s.slot()].span, t);
                }
            });
        }
    }
    return matches;
}

} // namespace dossier::extract
