// libFuzzer target: arbitrary bytes as an authority file, read the way `dossier authority import`
// reads one: XML goes to the TEI persons list, anything else to the CSV/TSV table reader with the
// delimiter a file name would give (.csv, .tsv, or guessed; the first input byte chooses).
// A refusal is one line (AuthorityFileError or ImportError); an accepted entry has an id and a
// name, and every text that would be stored is valid UTF-8.
#include "dossier/extract/authority_file.h"
#include "dossier/importers/tei_importer.h"
#include "dossier/model/text_utf8.h"

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>

namespace {

[[noreturn]] void broken(const char* what) {
    std::fprintf(stderr, "authority file contract broken: %s\n", what);
    std::abort();
}

void check_one_line(std::string_view reason) {
    if (reason.empty() || reason.find('\n') != std::string_view::npos)
        broken("error reason is not one line");
}

void check_text(const std::string& text, const char* what) {
    if (!dossier::is_valid_utf8(text))
        broken(what);
}

// The CLI's test (cli/commands/authority_command.cpp): first non-blank character is '<'.
bool looks_like_xml(std::string_view bytes) {
    for (char c : bytes) {
        if (c == ' ' || c == '\n' || c == '\r' || c == '\t' || c == '\xEF' || c == '\xBB' ||
            c == '\xBF')
            continue;
        return c == '<';
    }
    return false;
}

void read_tei_persons(std::string_view bytes) {
    try {
        for (const auto& person : dossier::importers::read_tei(bytes, "fuzz-persons.xml").persons) {
            check_text(person.xml_id, "TEI person id is not valid UTF-8");
            check_text(person.name, "TEI person name is not valid UTF-8");
            check_text(person.description, "TEI person description is not valid UTF-8");
        }
    } catch (const dossier::importers::ImportError& e) {
        check_one_line(e.what());
    }
}

void read_table(std::string_view bytes, char delimiter) {
    try {
        for (const auto& entry : dossier::extract::read_authority_table(bytes, delimiter, "fuzz")) {
            if (entry.external_id.empty() || entry.name.empty())
                broken("entry without an id or a name");
            check_text(entry.external_id, "entry id is not valid UTF-8");
            check_text(entry.name, "entry name is not valid UTF-8");
            check_text(entry.note, "entry note is not valid UTF-8");
            for (const auto& alias : entry.aliases) {
                if (alias.empty())
                    broken("empty alias");
                check_text(alias, "alias is not valid UTF-8");
            }
        }
    } catch (const dossier::extract::AuthorityFileError& e) {
        check_one_line(e.what());
    }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    if (size == 0)
        return 0;
    static constexpr char kDelimiters[] = {',', '\t', 0};
    const char delimiter = kDelimiters[data[0] % 3];
    const std::string_view bytes(reinterpret_cast<const char*>(data) + 1, size - 1);
    if (looks_like_xml(bytes))
        read_tei_persons(bytes);
    else
        read_table(bytes, delimiter);
    return 0;
}
