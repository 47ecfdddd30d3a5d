#include "dossier/extract/extraction_context.h"

#include "dossier/extract/name_key.h"
#include "gazetteer.h"

#include <cstdlib>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <stdexcept>

namespace dossier::extract {
namespace {

using detail::NameKind;
using detail::PhraseEntry;
using detail::PhraseKind;
using detail::TitleKind;

std::string read_text_file(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in)
        throw std::runtime_error(path.string() + " : cannot read");
    std::ostringstream out;
    out << in.rdbuf();
    return out.str();
}

std::vector<std::string> split(std::string_view line, char sep) {
    std::vector<std::string> parts;
    std::size_t start = 0;
    while (true) {
        auto pos = line.find(sep, start);
        if (pos == std::string_view::npos) {
            parts.emplace_back(line.substr(start));
            return parts;
        }
        parts.emplace_back(line.substr(start, pos - start));
        start = pos + 1;
    }
}

// Rows of a TSV file, comments and empty lines skipped, trailing \r removed.
std::vector<std::vector<std::string>> read_tsv(const std::filesystem::path& path) {
    std::vector<std::vector<std::string>> rows;
    std::istringstream in(read_text_file(path));
    std::string line;
    while (std::getline(in, line)) {
        if (!line.empty() && line.back() == '\r')
            line.pop_back();
        if (line.empty() || line[0] == '#')
            continue;
        rows.push_back(split(line, '\t'));
    }
    return rows;
}

bool all_caps(std::string_view text) {
    bool letter = false;
    for (char c : text) {
        if (c >= 'a' && c <= 'z')
            return false;
        if (c >= 'A' && c <= 'Z')
            letter = true;
    }
    return letter;
}

std::string country_key(const std::string& code) {
    return "iso:" + code;
}

bool is_title(const ExtractionContext::Data& d, const std::string& word) {
    const auto* found =
        d.phrases.find(detail::combine(detail::combine_start(), detail::fold_hash(word)), 1);
    if (!found)
        return false;
    for (const auto& e : *found)
        if (e.kind == PhraseKind::Title)
            return true;
    return false;
}

} // namespace

bool detail::PhraseTable::add(std::string_view phrase, const PhraseEntry& entry) {
    auto tokens = tokenize(phrase);
    if (tokens.empty())
        return false;
    std::uint64_t h = combine_start();
    for (std::size_t i = 0; i < tokens.size(); ++i) {
        h = combine(h, tokens[i].hash);
        if (i + 1 < tokens.size())
            nodes_[key(h, i + 1)].has_longer = true;
    }
    auto& list = nodes_[key(h, tokens.size())].entries;
    for (const auto& e : list)
        if (e.target == entry.target && e.kind == entry.kind)
            return true;
    list.push_back(entry);
    max_length_ = std::max(max_length_, tokens.size());
    return true;
}

std::uint32_t ExtractionContext::Data::add_entity(EntityType type, const std::string& key,
                                                  const std::string& canonical) {
    if (auto it = entity_by_key.find(key); it != entity_by_key.end())
        return it->second;
    const auto index = static_cast<std::uint32_t>(entities.size());
    entities.push_back({type, key, canonical, {}, {}, {}});
    entity_by_key.emplace(key, index);
    return index;
}

ExtractionContext::ExtractionContext(std::unique_ptr<Data> data) : data_(std::move(data)) {}
ExtractionContext::ExtractionContext(ExtractionContext&&) noexcept = default;
ExtractionContext& ExtractionContext::operator=(ExtractionContext&&) noexcept = default;
ExtractionContext::~ExtractionContext() = default;

std::filesystem::path ExtractionContext::default_data_dir() {
    if (const char* env = std::getenv("DOSSIER_DATA_DIR"); env && *env)
        return env;
    return DOSSIER_DATA_DIR;
}

ExtractionContext ExtractionContext::load(const std::filesystem::path& data_dir,
                                          const std::filesystem::path& iso_codes_dir) {
    auto data = std::make_unique<Data>();
    const auto gazetteer = data_dir / "gazetteer";

    // Countries: our table first (it names the canonical short forms), then iso-codes.
    std::unordered_map<std::string, std::string> canonical;
    const auto country_rows = read_tsv(gazetteer / "countries.tsv");
    for (const auto& row : country_rows)
        if (row.size() >= 3 && row[1] == "canonical")
            canonical[row[0]] = row[2];
    auto country = [&](const std::string& code, const std::string& fallback) {
        auto it = canonical.find(code);
        return data->add_entity(EntityType::Country, country_key(code),
                                it != canonical.end() ? it->second : fallback);
    };
    auto add_name = [&](std::uint32_t target, const std::string& name, NameKind kind) {
        data->phrases.add(name,
                          PhraseEntry{target, PhraseKind::Entity, static_cast<std::uint8_t>(kind),
                                      all_caps(name) && name.size() <= 6});
    };
    auto load_iso = [&](const std::filesystem::path& file, const char* list, bool historic) {
        nlohmann::json json;
        try {
            json = nlohmann::json::parse(read_text_file(file));
        } catch (const nlohmann::json::exception& e) {
            throw std::runtime_error(file.string() + " : " + e.what());
        }
        for (const auto& c : json.at(list)) {
            const std::string code = historic ? c.value("alpha_4", "") : c.value("alpha_2", "");
            if (code.empty())
                continue;
            std::vector<std::string> names;
            for (const char* field : {"name", "official_name", "common_name"})
                if (c.contains(field))
                    names.push_back(c[field].get<std::string>());
            if (names.empty())
                continue;
            // Historic names read "USSR, Union of Soviet Socialist Republics": each part that is
            // a whole name counts; inverted forms ("Yugoslavia, (Socialist) Federal Republic of")
            // keep their first part only.
            std::vector<std::string> variants;
            for (const auto& name : names) {
                const auto parts = split(name, ',');
                for (std::size_t pi = 0; pi < parts.size(); ++pi) {
                    auto part = parts[pi];
                    while (!part.empty() && part.front() == ' ')
                        part.erase(part.begin());
                    if (part.empty() || part.find('(') != std::string::npos ||
                        (part.size() > 3 && part.ends_with(" of")))
                        continue;
                    // "Yemen, Democratic": a qualifier after the comma is not a name by itself.
                    if (pi > 0 && part.find(' ') == std::string::npos && !all_caps(part))
                        continue;
                    // "Virgin Islands, U.S.": a dotted abbreviation after the comma says whose
                    // islands they are; "U.S." is the United States (countries.tsv).
                    if (pi > 0 && part.find('.') != std::string::npos)
                        continue;
                    // "Congo, The Democratic Republic of the", "Taiwan, Province of China".
                    if (pi > 0 && (part.starts_with("The ") || part.ends_with(" the") ||
                                   part.starts_with("Province ")))
                        continue;
                    variants.push_back(part);
                }
            }
            if (variants.empty())
                continue;
            const auto target = country(code, variants.front());
            for (const auto& v : variants)
                add_name(target, v, NameKind::Name);
        }
    };
    load_iso(iso_codes_dir / "iso_3166-1.json", "3166-1", false);
    load_iso(iso_codes_dir / "iso_3166-3.json", "3166-3", true);
    for (const auto& row : country_rows) {
        if (row.size() < 3 || row[1] == "canonical")
            continue;
        const auto target = country(row[0], row[2]);
        NameKind kind = NameKind::Name;
        if (row[1] == "demonym")
            kind = NameKind::Demonym;
        else if (row[1] == "acronym")
            kind = NameKind::Acronym;
        else if (row[1] == "capital")
            kind = NameKind::Capital;
        add_name(target, row[2], kind);
    }

    for (const auto& row : read_tsv(gazetteer / "places.tsv")) {
        if (row.size() < 2)
            continue;
        const auto target =
            data->add_entity(EntityType::Place, "place:" + normalize_name(row[1]), row[1]);
        add_name(target, row[1], NameKind::Name);
        if (row.size() >= 3)
            for (const auto& alias : split(row[2], '|'))
                if (!alias.empty())
                    add_name(target, alias, NameKind::Name);
    }
    for (const auto& row : read_tsv(gazetteer / "organizations.tsv")) {
        if (row.empty() || row[0].empty())
            continue;
        const auto target =
            data->add_entity(EntityType::Organization, "org:" + normalize_name(row[0]), row[0]);
        add_name(target, row[0], NameKind::Name);
        if (row.size() >= 2)
            for (const auto& alias : split(row[1], '|'))
                if (!alias.empty())
                    add_name(target, alias, all_caps(alias) ? NameKind::Acronym : NameKind::Name);
    }
    std::uint32_t title_index = 0;
    for (const auto& row : read_tsv(gazetteer / "titles.tsv")) {
        if (row.size() < 2)
            continue;
        TitleKind kind = TitleKind::Office;
        if (row[1] == "honorific")
            kind = TitleKind::Honorific;
        else if (row[1] == "plural")
            kind = TitleKind::Plural;
        data->phrases.add(row[0], PhraseEntry{title_index++, PhraseKind::Title,
                                              static_cast<std::uint8_t>(kind), false});
    }
    for (const auto& row : read_tsv(gazetteer / "organization_keywords.tsv"))
        if (!row.empty())
            data->org_heads[detail::fold_hash(row[0])] = row.size() >= 2 && row[1] == "of";
    for (const auto& row : read_tsv(gazetteer / "not_names.tsv"))
        if (!row.empty())
            data->not_names.insert(detail::fold_hash(row[0]));
    for (const auto& row : read_tsv(gazetteer / "given_names.tsv"))
        if (!row.empty())
            data->given_names.insert(detail::fold_hash(row[0]));
    for (const auto& row : read_tsv(gazetteer / "eponym_words.tsv"))
        if (!row.empty())
            data->eponym_words.insert(detail::fold_hash(row[0]));
    for (const auto& row : read_tsv(gazetteer / "chinese_surnames.tsv"))
        if (!row.empty())
            data->chinese_surnames.insert(detail::fold_hash(row[0]));

    // Small closed word classes the rules use; language facts rather than gazetteer data.
    for (const char* p :
         {"de", "da",  "di",  "du",  "del", "della", "van", "von", "der", "den",  "al",
          "el", "bin", "ibn", "ben", "abu", "abd",   "le",  "la",  "y",   "bint", "ter"})
        data->particles.insert(detail::fold_hash(p));
    for (const char* f :
         {"strait", "straits", "gulf", "sea", "bay", "island", "islands", "lake", "river", "canal",
          "peninsula", "desert", "valley", "strip", "mountains", "cape", "province"})
        data->place_features.insert(detail::fold_hash(f));
    const char* month_names[] = {"january",   "february", "march",    "april",
                                 "may",       "june",     "july",     "august",
                                 "september", "october",  "november", "december"};
    const char* month_short[] = {"jan", "feb", "mar",  "apr", "may", "jun",
                                 "jul", "aug", "sept", "oct", "nov", "dec"};
    for (int m = 0; m < 12; ++m) {
        data->months[detail::fold_hash(month_names[m])] = m + 1;
        data->months[detail::fold_hash(month_short[m])] = m + 1;
    }
    data->months[detail::fold_hash("sep")] = 9;
    for (const char* k : {"protocol", "telegram", "despatch", "dispatch", "memorandum", "airgram",
                          "circular", "instruction", "cable", "letter", "note", "report",
                          "resolution", "directive", "decree", "nsc", "nie", "snie"})
        data->document_kinds[detail::fold_hash(k)] = k;
    data->document_kinds[detail::fold_hash("prot")] = "protocol";
    data->document_kinds[detail::fold_hash("tel")] = "telegram";
    data->document_kinds[detail::fold_hash("deptel")] = "telegram";
    data->document_kinds[detail::fold_hash("embtel")] = "telegram";
    for (const char* w : {"people", "peoples", "democratic", "socialist", "federal", "arab",
                          "islamic", "popular", "united", "federative", "soviet"})
        data->republic_words.insert(detail::fold_hash(w));
    return ExtractionContext(std::move(data));
}

void ExtractionContext::add_authority(const std::vector<AuthorityName>& entries) {
    auto& d = *data_;
    for (const auto& entry : entries) {
        const std::string key = "auth:" + entry.external_id;
        if (entry.type != EntityType::Person) {
            const auto target = d.add_entity(entry.type, key, entry.name);
            d.entities[target].authority_id = entry.external_id;
            d.phrases.add(entry.name, PhraseEntry{target, PhraseKind::Entity,
                                                  static_cast<std::uint8_t>(NameKind::Authority),
                                                  all_caps(entry.name)});
            for (const auto& alias : entry.aliases)
                d.phrases.add(alias, PhraseEntry{target, PhraseKind::Entity,
                                                 static_cast<std::uint8_t>(NameKind::Authority),
                                                 all_caps(alias)});
            ++d.authority_entries;
            continue;
        }
        const PersonName preferred = parse_person_name(entry.name);
        if (preferred.surname.empty())
            continue;
        const auto target = d.add_entity(EntityType::Person, key, display_name(preferred));
        auto& def = d.entities[target];
        def.authority_id = entry.external_id;
        def.surname = preferred.surname;
        def.given = preferred.given;
        std::vector<std::string> forms{entry.name};
        forms.insert(forms.end(), entry.aliases.begin(), entry.aliases.end());
        std::unordered_set<std::string> surnames;
        for (const auto& form : forms) {
            PersonName name = parse_person_name(form);
            // Aliases sometimes carry a title ("Chairman Aleksei N. Kosygin"): the title is a
            // separate token sequence in the text, so the name is registered without it.
            while (name.given.size() > 1 && is_title(d, name.given.front()))
                name.given.erase(name.given.begin());
            if (name.surname.empty())
                continue;
            surnames.insert(name_skeleton(name.surname));
            if (name.given.empty())
                continue;
            const PhraseEntry pe{target, PhraseKind::Entity,
                                 static_cast<std::uint8_t>(NameKind::Authority), false};
            d.phrases.add(display_name(name), pe);
            // "Andrei Gromyko" for "Andrei Andreevich Gromyko"; "A. A. Gromyko" from initials.
            d.phrases.add(name.given.front() + " " + name.surname, pe);
            // A middle name some go by: "Lewis Jones" for "G. Lewis Jones".
            for (std::size_t g = 1; g < name.given.size(); ++g)
                if (name.given[g].size() > 2 && name.given[g].back() != '.')
                    d.phrases.add(name.given[g] + " " + name.surname, pe);
            std::string initials;
            for (const auto& g : name.given) {
                const std::string folded = detail::fold(g);
                if (!folded.empty() && folded[0] >= 'a' && folded[0] <= 'z') {
                    initials += static_cast<char>(folded[0] - 32);
                    initials += ". ";
                }
            }
            if (!initials.empty())
                d.phrases.add(initials + name.surname, pe);
            // Arabic surnames are written with and without the article: "Nuri el-Said" is
            // also "Nuri Said".
            if (auto bare = without_arabic_article(name.surname); !bare.empty()) {
                d.phrases.add(name.given.front() + " " + bare, pe);
                surnames.insert(name_skeleton(bare));
            }
        }
        for (const auto& s : surnames)
            d.authority_by_surname[s].push_back(target);
        ++d.authority_entries;
    }
}

std::size_t ExtractionContext::authority_size() const {
    return data_->authority_entries;
}

} // namespace dossier::extract
