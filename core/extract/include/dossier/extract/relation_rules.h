#pragma once
// The data-driven relation patterns (data/rules/relations.rules, format in docs/RULES.md): parsed
// once into rules the token matcher (relation_patterns.h) runs over every sentence.
#include "dossier/model/entity_type.h"

#include <cstddef>
#include <filesystem>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace dossier::extract {

// One element of a token pattern.
struct PatternElement {
    enum class Kind { Literal, Gap, Slot };
    Kind kind = Kind::Literal;
    std::vector<std::string> words; // Literal: lower-case alternatives ("cooperation", "'s", "-")
    bool optional = false;          // Literal only: "word?"
    std::size_t max_gap = 0;        // Gap: skips 0..max_gap tokens, fewest first
    std::string slot;               // Slot: argument name
    std::vector<EntityType> types;  // Slot: allowed entity types
    bool list = false;              // Slot: "{X:country+}" takes "A, B (b) and the C"
};

struct RelationRule {
    std::string id;
    std::string type;     // relation type, e.g. cooperates_with
    bool directed = true; // undirected relations are stored once per pair
    std::vector<std::vector<PatternElement>> patterns; // alternatives; any one may match
    std::string source; // slot name, or "@origin" (see docs/RULES.md)
    std::string target; // slot name
    double confidence = 0.7;
    std::size_t line = 0; // where the rule starts in its file, for messages
};

struct RelationRuleSet {
    std::vector<RelationRule> rules;
    std::string origin; // file name the rules came from
};

// A rules file that cannot be read: the message names the file and line ("relations.rules:12:
// unknown key 'taget' in rule 'x'").
class RuleError : public std::runtime_error {
public:
    RuleError(const std::string& message, std::size_t line)
        : std::runtime_error(message), line_(line) {}
    std::size_t line() const { return line_; }

private:
    std::size_t line_;
};

// Parses the rules format; `origin` names the source in error messages.
RelationRuleSet parse_relation_rules(std::string_view text, const std::string& origin = "rules");
RelationRuleSet load_relation_rules(const std::filesystem::path& path);

// data/rules/relations.rules under DOSSIER_DATA_DIR (environment variable first, then the
// directory compiled in).
std::filesystem::path default_relation_rules_path();

} // namespace dossier::extract
