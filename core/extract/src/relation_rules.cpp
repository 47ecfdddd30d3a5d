#include "dossier/extract/relation_rules.h"

#include "dossier/extract/relation_tokens.h"

#include <algorithm>
#include <charconv>
#include <cstdlib>
#include <fstream>
#include <sstream>

#ifndef DOSSIER_DATA_DIR
#define DOSSIER_DATA_DIR "data"
#endif

namespace dossier::extract {
namespace {

std::string_view trim(std::string_view s) {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t' || s.front() == '\r'))
        s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r'))
        s.remove_suffix(1);
    return s;
}

std::vector<std::string_view> split(std::string_view s, char separator) {
    std::vector<std::string_view> parts;
    std::size_t start = 0;
    for (std::size_t i = 0; i <= s.size(); ++i)
        if (i == s.size() || s[i] == separator) {
            parts.push_back(s.substr(start, i - start));
            start = i + 1;
        }
    return parts;
}

std::vector<std::string_view> split_whitespace(std::string_view s) {
    std::vector<std::string_view> parts;
    std::size_t i = 0;
    while (i < s.size()) {
        while (i < s.size() && (s[i] == ' ' || s[i] == '\t'))
            ++i;
        const std::size_t start = i;
        while (i < s.size() && s[i] != ' ' && s[i] != '\t')
            ++i;
        if (i > start)
            parts.push_back(s.substr(start, i - start));
    }
    return parts;
}

bool valid_name(std::string_view name, bool allow_punctuation) {
    if (name.empty())
        return false;
    return std::all_of(name.begin(), name.end(), [&](char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
               c == '_' || (allow_punctuation && (c == '-' || c == '.'));
    });
}

class Parser {
public:
    Parser(std::string_view text, std::string origin) : text_(text), origin_(std::move(origin)) {}

    RelationRuleSet parse() {
        RelationRuleSet set;
        set.origin = origin_;
        std::size_t line_no = 0;
        RelationRule* current = nullptr;
        for (auto raw : split(text_, '\n')) {
            ++line_no;
            line_ = line_no;
            auto line = trim(raw);
            if (line.empty() || line.front() == '#')
                continue;
            if (line.starts_with("rule ") || line == "rule") {
                if (current)
                    finish(*current);
                auto id = trim(line.substr(4));
                if (!valid_name(id, true))
                    fail("a rule needs an id of letters, digits, '_', '-' or '.': 'rule " +
                         std::string(id) + "'");
                if (std::any_of(set.rules.begin(), set.rules.end(),
                                [&](const auto& r) { return r.id == id; }))
                    fail("duplicate rule id '" + std::string(id) + "'");
                set.rules.emplace_back();
                current = &set.rules.back();
                current->id = id;
                current->line = line_no;
                continue;
            }
            const auto colon = line.find(':');
            if (colon == std::string_view::npos)
                fail("expected 'rule ID' or 'key: value', got '" + std::string(line) + "'");
            if (!current)
                fail("'" + std::string(line) + "' comes before the first 'rule ID' line");
            auto key = trim(line.substr(0, colon));
            auto value = trim(line.substr(colon + 1));
            set_field(*current, key, value);
        }
        if (current)
            finish(*current);
        return set;
    }

private:
    [[noreturn]] void fail(const std::string& message) const {
        throw RuleError(origin_ + ":" + std::to_string(line_) + ": " + message, line_);
    }

    void set_field(RelationRule& rule, std::string_view key, std::string_view value) {
        if (value.empty())
            fail("'" + std::string(key) + "' has no value in rule '" + rule.id + "'");
        if (key == "type") {
            if (!valid_name(value, false))
                fail("relation type '" + std::string(value) + "' must be letters, digits and '_'");
            rule.type = value;
        } else if (key == "direction") {
            if (value == "directed")
                rule.directed = true;
            else if (value == "undirected")
                rule.directed = false;
            else
                fail("direction must be 'directed' or 'undirected', not '" + std::string(value) +
                     "'");
        } else if (key == "pattern") {
            rule.patterns.push_back(parse_pattern(value, rule));
        } else if (key == "source" || key == "target") {
            const bool implicit = key == "source" && value == "@origin";
            if (!implicit && !valid_name(value, false))
                fail(std::string(key) +
                     " must name a slot of the pattern (or be @origin for the source)");
            (key == "source" ? rule.source : rule.target) = value;
        } else if (key == "confidence") {
            double c = -1;
            const std::string copy(value);
            char* end = nullptr;
            c = std::strtod(copy.c_str(), &end);
            if (end != copy.c_str() + copy.size() || !(c > 0.0 && c <= 1.0))
                fail("confidence must be a number in (0, 1], not '" + copy + "'");
            rule.confidence = c;
        } else {
            fail("unknown key '" + std::string(key) + "' in rule '" + rule.id +
                 "' (known: type, direction, pattern, source, target, confidence)");
        }
    }

    std::vector<EntityType> parse_types(std::string_view list, const RelationRule& rule) {
        std::vector<EntityType> types;
        for (auto name : split(list, '|')) {
            if (name == "actor") {
                types.insert(types.end(),
                             {EntityType::Person, EntityType::Organization, EntityType::Country});
            } else if (name == "any") {
                types.insert(types.end(),
                             {EntityType::Person, EntityType::Organization, EntityType::Country,
                              EntityType::Place, EntityType::Document});
            } else if (auto type = parse_entity_type(name); type && *type != EntityType::Date) {
                types.push_back(*type);
            } else {
                fail("unknown entity type '" + std::string(name) + "' in rule '" + rule.id +
                     "' (person, organization, country, place, document, actor, any)");
            }
        }
        return types;
    }

    std::vector<PatternElement> parse_pattern(std::string_view text, const RelationRule& rule) {
        std::vector<PatternElement> elements;
        for (auto word : split_whitespace(text)) {
            PatternElement element;
            if (word.front() == '{') {
                if (word.back() != '}')
                    fail("slot '" + std::string(word) + "' must look like {NAME:type} in rule '" +
                         rule.id + "'");
                auto inside = word.substr(1, word.size() - 2);
                const auto colon = inside.find(':');
                if (colon == std::string_view::npos)
                    fail("slot '" + std::string(word) + "' needs a type, e.g. {X:country}");
                element.kind = PatternElement::Kind::Slot;
                element.slot = inside.substr(0, colon);
                auto types = inside.substr(colon + 1);
                if (!types.empty() && types.back() == '+') {
                    element.list = true;
                    types.remove_suffix(1);
                }
                if (!valid_name(element.slot, false))
                    fail("slot name '" + element.slot + "' must be letters, digits and '_'");
                for (const auto& other : elements)
                    if (other.kind == PatternElement::Kind::Slot && other.slot == element.slot)
                        fail("slot '" + element.slot + "' appears twice in one pattern of rule '" +
                             rule.id + "'");
                element.types = parse_types(types, rule);
            } else if (word.starts_with("...")) {
                element.kind = PatternElement::Kind::Gap;
                element.max_gap = 4;
                auto digits = word.substr(3);
                if (!digits.empty()) {
                    auto [ptr, ec] = std::from_chars(digits.data(), digits.data() + digits.size(),
                                                     element.max_gap);
                    if (ec != std::errc{} || ptr != digits.data() + digits.size() ||
                        element.max_gap == 0 || element.max_gap > 20)
                        fail("gap '" + std::string(word) +
                             "' must be '...' or '...N' with N from 1 to 20");
                }
                if (elements.empty())
                    fail("a pattern cannot start with a gap in rule '" + rule.id + "'");
            } else {
                element.kind = PatternElement::Kind::Literal;
                if (word.size() > 1 && word.back() == '?') {
                    element.optional = true;
                    word.remove_suffix(1);
                }
                for (auto alternative : split(word, '|')) {
                    // The possessive is a token of its own only after a word; alone it is "'s".
                    if (alternative == "'s" || alternative == "\xE2\x80\x99s") {
                        element.words.emplace_back("'s");
                        continue;
                    }
                    auto tokens = tokenize_for_relations(alternative);
                    if (tokens.size() != 1)
                        fail("'" + std::string(alternative) + "' in rule '" + rule.id +
                             "' is not one token; write its parts apart (e.g. 'military - "
                             "technical')");
                    element.words.push_back(tokens.front().norm);
                }
            }
            elements.push_back(std::move(element));
        }
        if (elements.empty())
            fail("empty pattern in rule '" + rule.id + "'");
        if (elements.back().kind == PatternElement::Kind::Gap)
            fail("a pattern cannot end with a gap in rule '" + rule.id + "'");
        return elements;
    }

    void finish(RelationRule& rule) {
        // Problems of a whole rule are reported at its "rule ID" line.
        const std::size_t current_line = line_;
        line_ = rule.line;
        if (rule.type.empty())
            fail("rule '" + rule.id + "' has no 'type'");
        if (rule.patterns.empty())
            fail("rule '" + rule.id + "' has no 'pattern'");
        if (rule.source.empty() || rule.target.empty())
            fail("rule '" + rule.id + "' needs both 'source' and 'target'");
        for (const auto& pattern : rule.patterns)
            for (const auto* slot : {&rule.source, &rule.target}) {
                if (*slot == "@origin")
                    continue;
                if (std::none_of(pattern.begin(), pattern.end(), [&](const PatternElement& e) {
                        return e.kind == PatternElement::Kind::Slot && e.slot == *slot;
                    }))
                    fail("rule '" + rule.id + "': slot '" + *slot + "' is not in every pattern");
            }
        line_ = current_line;
    }

    std::string_view text_;
    std::string origin_;
    std::size_t line_ = 0;
};

} // namespace

RelationRuleSet parse_relation_rules(std::string_view text, const std::string& origin) {
    return Parser(text, origin).parse();
}

RelationRuleSet load_relation_rules(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in)
        throw RuleError("cannot read relation rules '" + path.string() + "'", 0);
    std::ostringstream bytes;
    bytes << in.rdbuf();
    return parse_relation_rules(bytes.str(), path.string());
}

std::filesystem::path default_relation_rules_path() {
    const char* env = std::getenv("DOSSIER_DATA_DIR");
    const std::filesystem::path dir = env && *env ? env : DOSSIER_DATA_DIR;
    return dir / "rules" / "relations.rules";
}

} // namespace dossier::extract
