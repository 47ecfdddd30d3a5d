// dossier authority import PROJECT FILE: known persons and institutions to link mentions to.
#include "cli_support.h"
#include "command_registry.h"
#include "dossier/extract/authority_file.h"
#include "dossier/importers/tei_importer.h"
#include "dossier/store/authority_store.h"

#include <fstream>
#include <iostream>
#include <memory>
#include <sstream>

namespace dossier::cli {
namespace {

bool looks_like_xml(const std::string& bytes) {
    for (char c : bytes) {
        if (c == ' ' || c == '\n' || c == '\r' || c == '\t' || c == '\xEF' || c == '\xBB' ||
            c == '\xBF')
            continue;
        return c == '<';
    }
    return false;
}

void register_authority_commands(CLI::App& app) {
    auto* authority =
        app.add_subcommand("authority", "Authority files: known persons and institutions");
    authority->require_subcommand(1);
    struct Options {
        std::string project;
        std::string file;
    };
    auto options = std::make_shared<Options>();
    auto* import = authority->add_subcommand(
        "import",
        "Import a CSV/TSV (id,type,name,aliases,birth_year,death_year,note) or a TEI persons list");
    import->add_option("PROJECT", options->project, "Project file (.dossier)")->required();
    import->add_option("FILE", options->file, "Authority file (.csv, .tsv or TEI .xml)")
        ->required();
    set_action(import, [options] {
        std::ifstream in(options->file, std::ios::binary);
        if (!in) {
            print_error(options->file + " : cannot read");
            return kFailure;
        }
        std::ostringstream buffer;
        buffer << in.rdbuf();
        const std::string bytes = buffer.str();
        std::vector<store::AuthorityEntry> entries;
        try {
            if (looks_like_xml(bytes)) {
                for (const auto& p : importers::read_tei(bytes, options->file).persons)
                    entries.push_back({p.xml_id,
                                       EntityType::Person,
                                       p.name,
                                       {},
                                       {},
                                       {},
                                       p.description,
                                       options->file});
                if (entries.empty()) {
                    print_error(options->file +
                                " : no persons list (<div xml:id=\"persons\">) in this TEI file");
                    return kFailure;
                }
            } else {
                const char delimiter = options->file.ends_with(".csv")
                                           ? ','
                                           : (options->file.ends_with(".tsv") ? '\t' : 0);
                entries = extract::read_authority_table(bytes, delimiter, options->file);
            }
        } catch (const std::exception& e) {
            print_error(options->file + " : " + e.what());
            return kFailure;
        }
        auto project = open_project(options->project, store::OpenMode::ReadWrite);
        store::Transaction tx(project);
        store::AuthorityStore store(project);
        for (const auto& e : entries)
            store.upsert(e);
        tx.commit();
        std::cout << "imported " << entries.size() << " authority entries from " << options->file
                  << "; run `dossier extract " << options->project
                  << "` to link mentions to them\n";
        return kOk;
    });
}

} // namespace

DOSSIER_REGISTER_COMMANDS(register_authority_commands);

} // namespace dossier::cli
