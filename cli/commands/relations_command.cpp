// dossier relations PROJECT [--type T] [--json]: every relation with its evidence sentences.
// dossier evidence PROJECT RELATION_ID [--json]: the quoted sentences behind one relation, with
// document title, date and page.
#include "cli_support.h"
#include "command_registry.h"
#include "dossier/store/document_store.h"
#include "dossier/store/relation_store.h"

#include <iostream>
#include <map>
#include <memory>
#include <sstream>

namespace dossier::cli {
namespace {

// Text mode shows this many sentences per relation; `dossier evidence` and --json show all.
constexpr std::size_t kSentencesPerRelationInText = 3;

// Documents are read once each; evidence rows only carry the document id and byte spans.
class DocumentCache {
public:
    explicit DocumentCache(store::Project& project) : documents_(project) {}
    const Document* get(DocumentId id) {
        auto it = cache_.find(id.value);
        if (it == cache_.end()) {
            auto doc = documents_.get(id);
            it = cache_
                     .emplace(id.value, doc ? std::make_unique<Document>(std::move(*doc)) : nullptr)
                     .first;
        }
        return it->second.get();
    }

private:
    store::DocumentStore documents_;
    std::map<std::int64_t, std::unique_ptr<Document>> cache_;
};

// The sentence as one line: runs of white space (line breaks of a header) become one space.
std::string quote(const Document& doc, Span span) {
    std::string out;
    const auto end = std::min<std::size_t>(span.end, doc.text.size());
    bool space = false;
    for (std::size_t i = span.start; i < end; ++i) {
        const char c = doc.text[i];
        const bool no_break_space = static_cast<unsigned char>(c) == 0xC2 && i + 1 < end &&
                                    static_cast<unsigned char>(doc.text[i + 1]) == 0xA0;
        if (no_break_space)
            ++i;
        if (no_break_space || c == ' ' || c == '\n' || c == '\t' || c == '\r') {
            space = !out.empty();
            continue;
        }
        if (space)
            out += ' ';
        space = false;
        out += c;
    }
    return out;
}

std::string date_range(const Relation& r) {
    if (r.first_date.empty())
        return "undated";
    if (r.first_date == r.last_date)
        return r.first_date.iso();
    return r.first_date.iso() + ".." + r.last_date.iso();
}

nlohmann::json span_json(Span s) {
    return nlohmann::json::array({s.start, s.end});
}

nlohmann::json evidence_json(const Evidence& e, DocumentCache& docs) {
    nlohmann::json j{{"document", e.document.value},
                     {"start", e.sentence.start},
                     {"end", e.sentence.end},
                     {"source_span", span_json(e.source_span)},
                     {"target_span", span_json(e.target_span)}};
    if (const auto* doc = docs.get(e.document)) {
        j["title"] = doc->title;
        j["date"] = doc->date.iso();
        j["page"] = doc->page_of(e.sentence.start);
        j["sentence"] = quote(*doc, e.sentence);
    }
    return j;
}

nlohmann::json relation_json(const store::RelationRow& row, DocumentCache& docs) {
    const auto& r = row.relation;
    nlohmann::json evidence = nlohmann::json::array();
    for (const auto& e : r.evidence)
        evidence.push_back(evidence_json(e, docs));
    return {
        {"id", r.id.value},
        {"type", r.type},
        {"source",
         {{"id", r.source.value}, {"name", row.source_name}, {"type", to_string(row.source_type)}}},
        {"target",
         {{"id", r.target.value}, {"name", row.target_name}, {"type", to_string(row.target_type)}}},
        {"directed", r.directed},
        {"weight", r.weight},
        {"specificity", r.specificity},
        {"confidence", r.confidence},
        {"method", r.method},
        {"origin", row.origin},
        {"first_date", r.first_date.iso()},
        {"last_date", r.last_date.iso()},
        {"evidence", evidence}};
}

std::string heading(const store::RelationRow& row) {
    const auto& r = row.relation;
    std::ostringstream out;
    out << '#' << r.id.value << ' ' << r.type << ": " << row.source_name
        << (r.directed ? " -> " : " -- ") << row.target_name << "  weight " << r.weight;
    if (r.specificity > 0)
        out << "  specificity " << r.specificity;
    out << "  confidence " << r.confidence << "  " << date_range(r) << "  " << r.method;
    if (row.origin != "extract")
        out << "  (" << row.origin << ")";
    return out.str();
}

std::string evidence_line(const Evidence& e, DocumentCache& docs) {
    const auto* doc = docs.get(e.document);
    if (!doc)
        return "[document " + std::to_string(e.document.value) + " is gone]";
    std::string where =
        doc->title.empty() ? "document " + std::to_string(e.document.value) : doc->title;
    where += ", " + (doc->date.empty() ? std::string("undated") : doc->date.iso());
    if (int page = doc->page_of(e.sentence.start); page > 0)
        where += ", p. " + std::to_string(page);
    return "[" + where + "] \"" + quote(*doc, e.sentence) + "\"";
}

void register_relations_commands(CLI::App& app) {
    struct Options {
        std::string project;
        std::string type;
        std::int64_t relation = 0;
        bool json = false;
    };
    auto options = std::make_shared<Options>();

    auto* relations =
        app.add_subcommand("relations", "List relations with the sentences behind them");
    relations->add_option("PROJECT", options->project, "Project file (.dossier)")->required();
    relations->add_option("--type", options->type,
                          "Only this relation type (e.g. cooperates_with)");
    relations->add_flag("--json", options->json, "Print JSON with every evidence row");
    set_action(relations, [options] {
        auto project = open_project(options->project, store::OpenMode::ReadOnly);
        store::RelationStore store(project);
        DocumentCache docs(project);
        const auto rows = store.list(options->type);
        if (options->json) {
            nlohmann::json out = nlohmann::json::array();
            for (const auto& row : rows)
                out.push_back(relation_json(row, docs));
            print_json(out);
            return kOk;
        }
        if (rows.empty()) {
            std::cout << (options->type.empty() ? "no relations"
                                                : "no relations of type " + options->type)
                      << " in " << options->project << '\n';
            return kOk;
        }
        for (const auto& row : rows) {
            std::cout << heading(row) << '\n';
            const auto& evidence = row.relation.evidence;
            for (std::size_t i = 0; i < evidence.size() && i < kSentencesPerRelationInText; ++i)
                std::cout << "    " << evidence_line(evidence[i], docs) << '\n';
            if (evidence.size() > kSentencesPerRelationInText)
                std::cout << "    (+" << evidence.size() - kSentencesPerRelationInText
                          << " more: dossier evidence PROJECT " << row.relation.id.value << ")\n";
        }
        return kOk;
    });

    auto* evidence = app.add_subcommand("evidence", "Quote the sentences behind one relation");
    evidence->add_option("PROJECT", options->project, "Project file (.dossier)")->required();
    evidence->add_option("RELATION_ID", options->relation, "Relation id (from dossier relations)")
        ->required();
    evidence->add_flag("--json", options->json, "Print JSON");
    set_action(evidence, [options] {
        auto project = open_project(options->project, store::OpenMode::ReadOnly);
        store::RelationStore store(project);
        DocumentCache docs(project);
        const auto row = store.get(RelationId{options->relation});
        if (!row) {
            print_error("relation " + std::to_string(options->relation) +
                        " : no such relation in " + options->project +
                        " (dossier relations lists them)");
            return kFailure;
        }
        if (options->json) {
            print_json(relation_json(*row, docs));
            return kOk;
        }
        std::cout << heading(*row) << '\n';
        std::size_t n = 0;
        for (const auto& e : row->relation.evidence)
            std::cout << ++n << ". " << evidence_line(e, docs) << '\n';
        return kOk;
    });
}

} // namespace

DOSSIER_REGISTER_COMMANDS(register_relations_commands);

} // namespace dossier::cli
