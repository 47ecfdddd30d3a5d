// dossier documents PROJECT: the document list; dossier document PROJECT ID: one document in full.
#include "cli_support.h"
#include "command_registry.h"
#include "dossier/store/document_store.h"

#include <iostream>
#include <memory>

namespace dossier::cli {
namespace {

std::string join(const std::vector<std::string>& items, const char* separator = "; ") {
    std::string out;
    for (const auto& item : items) {
        if (!out.empty())
            out += separator;
        out += item;
    }
    return out;
}

// Width in characters as a terminal shows them: UTF-8 continuation bytes do not count.
std::size_t display_width(std::string_view text) {
    std::size_t width = 0;
    for (char c : text)
        width += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
    return width;
}

// Cut to `max` characters on a character boundary, marking the cut with an ellipsis.
std::string clip(const std::string& text, std::size_t max) {
    if (display_width(text) <= max)
        return text;
    std::size_t chars = 0, i = 0;
    for (; i < text.size(); ++i) {
        if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) {
            if (chars == max - 1)
                break;
            ++chars;
        }
    }
    return text.substr(0, i) + "…";
}

std::string source_of(const std::string& path, const std::string& key) {
    return key.empty() ? path : path + "#" + key;
}

void print_table(const std::vector<std::vector<std::string>>& rows) {
    std::vector<std::size_t> widths;
    for (const auto& row : rows)
        for (std::size_t c = 0; c < row.size(); ++c) {
            widths.resize(std::max(widths.size(), row.size()));
            widths[c] = std::max(widths[c], display_width(row[c]));
        }
    for (const auto& row : rows) {
        std::string line;
        for (std::size_t c = 0; c < row.size(); ++c) {
            line += row[c];
            if (c + 1 < row.size())
                line += std::string(widths[c] - display_width(row[c]) + 2, ' ');
        }
        while (!line.empty() && line.back() == ' ')
            line.pop_back();
        std::cout << line << '\n';
    }
}

void register_documents_command(CLI::App& app) {
    struct Options {
        std::string project;
        bool json = false;
    };
    auto options = std::make_shared<Options>();
    auto* command =
        app.add_subcommand("documents", "List the documents of a project with their metadata");
    command->add_option("PROJECT", options->project, "Project file (.dossier)")->required();
    command->add_flag("--json", options->json, "Print JSON");
    set_action(command, [options] {
        auto project = open_project(options->project, store::OpenMode::ReadOnly);
        store::DocumentStore store(project);
        const auto documents = store.list();
        if (options->json) {
            auto list = nlohmann::json::array();
            for (const auto& d : documents)
                list.push_back({{"id", d.id.value},
                                {"date", d.date},
                                {"title", d.title},
                                {"format", d.format},
                                {"senders", d.senders},
                                {"recipients", d.recipients},
                                {"classification", d.classification},
                                {"archive_ref", d.archive_ref},
                                {"source", source_of(d.source_path, d.source_key)},
                                {"text_bytes", d.text_bytes}});
            print_json(list);
            return kOk;
        }
        std::vector<std::vector<std::string>> rows{
            {"ID", "DATE", "TITLE", "FORMAT", "FROM", "TO", "CLASSIFICATION", "SOURCE"}};
        for (const auto& d : documents)
            rows.push_back({std::to_string(d.id.value), d.date, clip(d.title, 60), d.format,
                            clip(join(d.senders), 30), clip(join(d.recipients), 30),
                            d.classification, source_of(d.source_path, d.source_key)});
        print_table(rows);
        std::cout << documents.size() << (documents.size() == 1 ? " document\n" : " documents\n");
        return kOk;
    });
}

void register_document_command(CLI::App& app) {
    struct Options {
        std::string project;
        std::int64_t id = 0;
        bool json = false;
    };
    auto options = std::make_shared<Options>();
    auto* command = app.add_subcommand("document", "Show one document: metadata, parties and text");
    command->add_option("PROJECT", options->project, "Project file (.dossier)")->required();
    command->add_option("ID", options->id, "Document id (see `dossier documents`)")->required();
    command->add_flag("--json", options->json, "Print JSON");
    set_action(command, [options] {
        auto project = open_project(options->project, store::OpenMode::ReadOnly);
        store::DocumentStore store(project);
        const auto doc = store.get(DocumentId{options->id});
        if (!doc) {
            print_error("document " + std::to_string(options->id) + " : no such document in " +
                        options->project);
            return kFailure;
        }
        const auto senders = doc->names_with_role(DocumentParty::Role::Sender);
        const auto recipients = doc->names_with_role(DocumentParty::Role::Recipient);
        const auto signatories = doc->names_with_role(DocumentParty::Role::Signatory);
        if (options->json) {
            auto metadata = nlohmann::json::array();
            for (const auto& [key, value] : doc->metadata)
                metadata.push_back({{"key", key}, {"value", value}});
            print_json({{"id", doc->id.value},
                        {"title", doc->title},
                        {"date", doc->date.iso()},
                        {"date_precision", to_string(doc->date.precision)},
                        {"format", doc->format},
                        {"source", source_of(doc->source_path, doc->source_key)},
                        {"sha256", doc->sha256},
                        {"senders", senders},
                        {"recipients", recipients},
                        {"signatories", signatories},
                        {"classification", doc->classification},
                        {"archive_ref", doc->archive_ref},
                        {"language", doc->language},
                        {"pages", doc->page_starts.size()},
                        {"metadata", metadata},
                        {"annotations", doc->annotations.size()},
                        {"text", doc->text}});
            return kOk;
        }
        auto field = [](const char* name, const std::string& value) {
            if (!value.empty())
                std::cout << name << value << '\n';
        };
        std::cout << "id:             " << doc->id.value << '\n';
        field("title:          ", doc->title);
        field("date:           ", doc->date.iso());
        field("format:         ", doc->format);
        field("source:         ", source_of(doc->source_path, doc->source_key));
        field("from:           ", join(senders));
        field("to:             ", join(recipients));
        field("signed:         ", join(signatories));
        field("classification: ", doc->classification);
        field("archive ref:    ", doc->archive_ref);
        field("language:       ", doc->language);
        if (!doc->page_starts.empty())
            std::cout << "pages:          " << doc->page_starts.size() << '\n';
        for (const auto& [key, value] : doc->metadata)
            std::cout << "  " << key << ": " << value << '\n';
        std::cout << "annotations:    " << doc->annotations.size() << '\n'
                  << "sha256:         " << doc->sha256 << "\n\n"
                  << doc->text << '\n';
        return kOk;
    });
}

} // namespace

DOSSIER_REGISTER_COMMANDS(register_documents_command);
DOSSIER_REGISTER_COMMANDS(register_document_command);

} // namespace dossier::cli
