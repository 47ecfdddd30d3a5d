#include "dossier/curation/describe.h"

#include "dossier/curation/entity_ref.h"

namespace dossier::curation {
namespace {

std::string entity(const nlohmann::json& ref) {
    return describe(entity_ref_from_json(ref));
}

std::string relation(const nlohmann::json& ref) {
    return ref.at("type").get<std::string>() + " " + entity(ref.at("source")) + " -> " +
           entity(ref.at("target"));
}

std::string quoted(const std::string& text) {
    return "'" + text + "'";
}

} // namespace

std::string describe_operation(const std::string& op, const nlohmann::json& p) {
    try {
        if (op == "merge")
            return "merge " + entity(p.at("from")) + " into " + entity(p.at("into")) +
                   (p.contains("name") ? " as " + quoted(p.at("name").get<std::string>()) : "");
        if (op == "split") {
            std::string what = "split " + quoted(p.at("name").get<std::string>()) + " off " +
                               entity(p.at("entity"));
            if (!p.value("alias", std::string{}).empty())
                what += " (alias " + quoted(p.at("alias").get<std::string>()) + ")";
            if (!p.at("mentions").empty())
                what += " (" + std::to_string(p.at("mentions").size()) + " chosen mentions)";
            return what;
        }
        if (op == "rename")
            return "rename " + entity(p.at("entity")) + " to " +
                   quoted(p.at("name").get<std::string>());
        if (op == "retype")
            return "retype " + entity(p.at("entity")) + " as " + p.at("type").get<std::string>();
        if (op == "reject")
            return "reject " + entity(p.at("entity"));
        if (op == "relate") {
            std::string what = "relate " + entity(p.at("source")) + " " +
                               p.at("type").get<std::string>() + " " + entity(p.at("target"));
            if (!p.value("note", std::string{}).empty())
                what += ": " + p.at("note").get<std::string>();
            return what;
        }
        if (op == "unrelate")
            return "unrelate " + relation(p.at("relation"));
        if (op == "note")
            return "note on " +
                   (p.contains("entity") ? entity(p.at("entity")) : relation(p.at("relation"))) +
                   ": " + p.at("text").get<std::string>();
    } catch (const std::exception&) {
        // fall through: a record this build cannot read is still listed
    }
    return op + " " + p.dump();
}

} // namespace dossier::curation
