#pragma once
// What the CSL-JSON schema (citation-style-language/schema, schemas/input/csl-data.json) asks of
// an item, as far as our writer uses it: the required keys, the item types, the property names
// (the schema forbids any other), and the shapes of names and dates.
#include <nlohmann/json.hpp>
#include <set>
#include <string>

namespace dossier::testing {

inline const std::set<std::string>& csl_types() {
    static const std::set<std::string> types{"article",
                                             "article-journal",
                                             "article-magazine",
                                             "article-newspaper",
                                             "bill",
                                             "book",
                                             "broadcast",
                                             "chapter",
                                             "classic",
                                             "collection",
                                             "dataset",
                                             "document",
                                             "entry",
                                             "entry-dictionary",
                                             "entry-encyclopedia",
                                             "figure",
                                             "graphic",
                                             "hearing",
                                             "interview",
                                             "legal_case",
                                             "legislation",
                                             "manuscript",
                                             "map",
                                             "motion_picture",
                                             "musical_score",
                                             "pamphlet",
                                             "paper-conference",
                                             "patent",
                                             "performance",
                                             "periodical",
                                             "personal_communication",
                                             "post",
                                             "post-weblog",
                                             "regulation",
                                             "report",
                                             "review",
                                             "review-book",
                                             "software",
                                             "song",
                                             "speech",
                                             "standard",
                                             "thesis",
                                             "treaty",
                                             "webpage"};
    return types;
}

// The schema's string, number and name variables that a citation of an archival document uses.
inline const std::set<std::string>& csl_properties() {
    static const std::set<std::string> keys{"type",
                                            "id",
                                            "language",
                                            "title",
                                            "title-short",
                                            "author",
                                            "recipient",
                                            "issued",
                                            "archive",
                                            "archive_collection",
                                            "archive_location",
                                            "archive-place",
                                            "collection-title",
                                            "container-title",
                                            "genre",
                                            "note",
                                            "number",
                                            "publisher",
                                            "publisher-place",
                                            "source",
                                            "status",
                                            "URL",
                                            "call-number",
                                            "medium",
                                            "event-place",
                                            "dimensions",
                                            "abstract"};
    return keys;
}

// One item against the schema: a message for the first violation, empty when it conforms.
inline std::string csl_item_violation(const nlohmann::json& item) {
    if (!item.is_object())
        return "item is not an object";
    for (const char* required : {"type", "id"})
        if (!item.contains(required))
            return std::string("missing required '") + required + "'";
    if (!item["type"].is_string() || !csl_types().contains(item["type"].get<std::string>()))
        return "type " + item["type"].dump() + " is not a CSL type";
    if (!item["id"].is_string() && !item["id"].is_number())
        return "id is neither a string nor a number";
    for (const auto& [key, value] : item.items()) {
        if (!csl_properties().contains(key))
            return "'" + key + "' is not a CSL variable";
        if (key == "author" || key == "recipient") {
            if (!value.is_array())
                return key + " is not a list of names";
            for (const auto& name : value)
                if (!name.is_object() || !name.contains("literal") || !name["literal"].is_string())
                    return key + " holds a name without a literal";
        } else if (key == "issued") {
            if (!value.is_object() || !value.contains("date-parts") ||
                !value["date-parts"].is_array() || value["date-parts"].empty() ||
                value["date-parts"].size() > 2)
                return "issued has no date-parts";
            for (const auto& part : value["date-parts"]) {
                if (!part.is_array() || part.empty() || part.size() > 3)
                    return "a date-parts entry has 1 to 3 numbers";
                for (const auto& n : part)
                    if (!n.is_number_integer())
                        return "date parts are numbers";
            }
        } else if (key == "number" || key == "id") {
            if (!value.is_string() && !value.is_number())
                return key + " is neither a string nor a number";
        } else if (key != "type" && !value.is_string()) {
            return key + " is not a string";
        }
    }
    return {};
}

} // namespace dossier::testing
