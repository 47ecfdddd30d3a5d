#include "document_reader.h"
#include "dossier/extract/extraction.h"
#include "header_reader.h"
#include "hyphenated_persons.h"

#include <algorithm>
#include <optional>
#include <unordered_map>
#include <unordered_set>

namespace dossier::extract {
namespace {

using detail::Candidate;

// Windows of about this size are read one at a time, so memory stays proportional to the
// window, not the document; they end at a paragraph or line break (or any space) when possible.
constexpr std::size_t kWindowBytes = 1 << 20;

struct Window {
    std::size_t start, length;
};

std::vector<Window> windows_of(std::string_view text) {
    std::vector<Window> windows;
    std::size_t start = 0;
    while (start < text.size()) {
        std::size_t end = std::min(text.size(), start + kWindowBytes);
        if (end < text.size()) {
            const std::size_t floor = start + kWindowBytes / 2;
            std::size_t cut = text.rfind("\n\n", end);
            if (cut == std::string_view::npos || cut < floor)
                cut = text.rfind('\n', end);
            if (cut == std::string_view::npos || cut < floor)
                cut = text.rfind(' ', end);
            if (cut != std::string_view::npos && cut >= floor)
                end = cut + 1;
            // Never cut inside a UTF-8 sequence.
            while (end < text.size() && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80)
                ++end;
        }
        windows.push_back({start, end - start});
        start = end;
    }
    return windows;
}

bool by_position(const Candidate& a, const Candidate& b) {
    if (a.span.start != b.span.start)
        return a.span.start < b.span.start;
    return a.span.end > b.span.end;
}

// Sorted, and no two mentions overlap: the first (then longest) wins. In place: no second copy
// of a large document's candidates. (stable_sort's buffer is half the candidates at most; they
// are 24 bytes each.)
void sort_and_drop_overlaps(std::vector<Candidate>& candidates) {
    std::stable_sort(candidates.begin(), candidates.end(), by_position);
    std::size_t kept = 0;
    for (std::size_t i = 0; i < candidates.size(); ++i) {
        const Candidate& c = candidates[i];
        if (c.span.end <= c.span.start)
            continue;
        if (kept > 0 && c.span.start < candidates[kept - 1].span.end) {
            // A trusted source annotation replaces what the rules found at the same place.
            if (c.method == MentionMethod::SourceAnnotation &&
                candidates[kept - 1].method != MentionMethod::SourceAnnotation)
                candidates[kept - 1] = c;
            continue;
        }
        candidates[kept++] = c;
    }
    candidates.resize(kept);
    candidates.shrink_to_fit();
}

// Turns candidates into entities: one per (type, key), persons resolved within the document.
class Resolver {
public:
    Resolver(const ExtractionContext::Data& data, std::string_view text,
             detail::DocumentLexicon& lexicon)
        : data_(data), text_(text), labels_(lexicon.labels) {}

    ExtractionResult resolve(std::vector<Candidate>& candidates) {
        ExtractionResult result;
        result.mentions.reserve(candidates.size());
        group_persons(candidates);
        for (auto& c : candidates) {
            std::string key, canonical, authority;
            if (c.def >= 0) {
                const auto& def = data_.entities[static_cast<std::size_t>(c.def)];
                key = def.key;
                canonical = def.canonical_name;
                authority = def.authority_id;
            } else {
                key = labels_[c.label].key;
                canonical = labels_[c.label].canonical;
            }
            if (key.empty())
                continue;
            const auto full_key = std::string(to_string(c.type)) + "\t" + key;
            auto [it, inserted] = index_.emplace(full_key, result.entities.size());
            if (inserted)
                result.entities.push_back({c.type, key, canonical, authority, {}});
            auto& entity = result.entities[it->second];
            const std::string surface(text_.substr(c.span.start, c.span.size()));
            if (std::find(entity.aliases.begin(), entity.aliases.end(), surface) ==
                entity.aliases.end())
                entity.aliases.push_back(surface);
            result.mentions.push_back({c.span, it->second, c.method, c.confidence});
        }
        return result;
    }

private:
    // Persons the rules found get an authority link or a key here: a surname alone joins the
    // full name introduced in the same document when that is unambiguous.
    void group_persons(std::vector<Candidate>& candidates) {
        std::unordered_map<std::string, std::vector<std::size_t>> by_surname;
        for (std::size_t i = 0; i < candidates.size(); ++i)
            if (candidates[i].type == EntityType::Person)
                by_surname[name_skeleton(labels_[candidates[i].label].person.surname)].push_back(i);
        for (auto& [skeleton, members] : by_surname) {
            // Linked persons in this document with this surname.
            std::vector<int> linked;
            // Labels by value: interning new keys below may move the table.
            std::optional<PersonName> fullest;
            bool conflicting = false;
            for (auto m : members) {
                const auto& c = candidates[m];
                const auto& person = labels_[c.label].person;
                if (c.def >= 0 && std::find(linked.begin(), linked.end(), c.def) == linked.end())
                    linked.push_back(c.def);
                if (c.def < 0 && !person.given.empty()) {
                    if (fullest && !given_names_compatible(fullest->given, person.given))
                        conflicting = true;
                    if (!fullest || person.given.size() > fullest->given.size())
                        fullest = person;
                }
            }
            for (auto m : members) {
                auto& c = candidates[m];
                if (c.def >= 0 || !labels_[c.label].key.empty())
                    continue; // linked already, or identified by the source ("source:p_X")
                const PersonName person = labels_[c.label].person;
                // The one authority entry this name fits, in the document or in the file.
                const std::vector<std::string>& given =
                    person.given.empty() && fullest && !conflicting ? fullest->given : person.given;
                int link = -1;
                int fits = 0;
                for (int d : linked)
                    if (given_names_compatible(data_.entities[static_cast<std::size_t>(d)].given,
                                               given))
                        link = d, ++fits;
                if (fits != 1) {
                    link = -1;
                    fits = 0;
                    if (auto it = data_.authority_by_surname.find(skeleton);
                        it != data_.authority_by_surname.end())
                        for (auto d : it->second)
                            if (given_names_compatible(data_.entities[d].given, given))
                                link = static_cast<int>(d), ++fits;
                }
                if (fits == 1) {
                    c.def = link;
                    c.method = MentionMethod::Authority;
                    continue;
                }
                PersonName name = person;
                if (name.given.empty() && fullest && !conflicting)
                    name = *fullest;
                else if (!name.given.empty() && fullest && !conflicting &&
                         given_names_compatible(name.given, fullest->given))
                    name = *fullest;
                c.label = labels_.intern({person_key(name), display_name(name), person});
            }
        }
    }

    const ExtractionContext::Data& data_;
    std::string_view text_;
    detail::LabelTable& labels_;
    std::unordered_map<std::string, std::size_t> index_;
};

} // namespace

void CorpusSurnames::add(std::string_view surname) {
    if (const auto parts = detail::hyphenated_parts(surname); !parts.empty()) {
        ++compound_persons_[detail::parts_key(parts)];
        return;
    }
    if (surname.size() < 3 || surname.find_first_of(" -.") != std::string_view::npos)
        return;
    hashes_.insert(detail::fold_hash(surname));
}

bool CorpusSurnames::could_add_to(std::string_view text,
                                  const std::vector<std::string>& own) const {
    if (hashes_.empty())
        return false;
    std::unordered_set<std::uint64_t> own_hashes;
    for (const auto& s : own)
        own_hashes.insert(detail::fold_hash(s));
    for (const auto& t : detail::tokenize(text))
        if (t.is(detail::kWord) && t.is(detail::kCapitalized) && hashes_.count(t.hash) &&
            !own_hashes.count(t.hash))
            return true;
    return false;
}

struct FirstRead::State {
    std::vector<Candidate> candidates; // pass 1 and source annotations, sorted, no overlaps
    detail::DocumentLexicon lexicon;
};

FirstRead::FirstRead() = default;
FirstRead::~FirstRead() = default;
FirstRead::FirstRead(FirstRead&&) noexcept = default;
FirstRead& FirstRead::operator=(FirstRead&&) noexcept = default;
FirstRead::FirstRead(const FirstRead& other)
    : state_(other.state_ ? std::make_unique<State>(*other.state_) : nullptr) {}

std::size_t FirstRead::memory_bytes() const {
    if (!state_)
        return 0;
    const auto& l = state_->lexicon;
    // Strings and hash nodes estimated at 64 bytes each; enough to bound a cache.
    return sizeof(State) + state_->candidates.capacity() * sizeof(Candidate) +
           l.labels.size() * (sizeof(detail::CandidateLabel) + 128) +
           (l.acronyms.size() + l.authority_surname.size() + l.one_person_compounds.size() +
            l.person_pairs.size()) *
               64;
}

FirstRead read_first(const Document& document, const ExtractionContext& context) {
    const auto& data = context.data();
    const std::string_view text = document.text;
    FirstRead read;
    read.state_ = std::make_unique<FirstRead::State>();
    auto& candidates = read.state_->candidates;
    auto& lexicon = read.state_->lexicon;
    for (const auto& w : windows_of(text))
        detail::WindowReader(data, text, w.start, w.length, candidates, lexicon).read_rules();

    // Trusted annotations from the source (TEI persName with a ref) are mentions as they stand.
    for (const auto& a : document.annotations) {
        if (a.kind != "persName" || a.span.end <= a.span.start || a.span.end > text.size())
            continue;
        Candidate c;
        c.span = a.span;
        c.type = EntityType::Person;
        std::string ref = a.ref;
        if (!ref.empty() && ref[0] == '#')
            ref.erase(0, 1);
        auto person = parse_person_name(text.substr(a.span.start, a.span.size()));
        std::string key, canonical;
        if (!ref.empty()) {
            if (auto it = data.entity_by_key.find("auth:" + ref); it != data.entity_by_key.end())
                c.def = static_cast<int>(it->second);
            else {
                key = "source:" + ref;
                canonical = display_name(person);
            }
        }
        c.label = lexicon.labels.intern({std::move(key), std::move(canonical), std::move(person)});
        c.method = MentionMethod::SourceAnnotation;
        c.confidence = 1.0f;
        candidates.push_back(std::move(c));
    }
    sort_and_drop_overlaps(candidates);
    return read;
}

ExtractionResult finish_reading(const Document& document, const ExtractionContext& context,
                                FirstRead first_read, const CorpusSurnames* corpus) {
    const auto& data = context.data();
    const std::string_view text = document.text;
    if (!first_read.state_)
        first_read = read_first(document, context);
    auto& candidates = first_read.state_->candidates;
    auto& lexicon = first_read.state_->lexicon;
    lexicon.corpus = corpus && !corpus->empty() ? corpus : nullptr;
    const auto windows = windows_of(text);

    // Pass 2: surnames of persons introduced in this document, acronyms it defined.
    // Candidates of "Ben-Gurion", "Ben Gurion", ..., with the words of a hyphenated one.
    std::vector<std::pair<std::size_t, std::vector<std::string_view>>> two_part_surnames;
    for (std::size_t i = 0; i < candidates.size(); ++i) {
        const auto& c = candidates[i];
        const auto& person = lexicon.label(c).person;
        if (c.type != EntityType::Person || person.surname.empty())
            continue;
        if (person.surname.find_first_of(" -") != std::string::npos) {
            two_part_surnames.emplace_back(i, detail::hyphenated_parts(person.surname));
            continue;
        }
        const auto h = detail::fold_hash(person.surname);
        auto [it, inserted] = lexicon.surnames.emplace(h, i);
        if (!inserted &&
            lexicon.label(candidates[it->second]).person.given.size() < person.given.size())
            it->second = i;
    }
    // A hyphenated name the document gives with given names or links to an authority entry is
    // one person's ("David Lloyd-George"), as is one after a title (pass 1 noted those).
    for (const auto& [i, parts] : two_part_surnames) {
        const auto& c = candidates[i];
        const auto& person = lexicon.label(c).person;
        if (!person.given.empty() || c.def >= 0 || c.method == MentionMethod::SourceAnnotation)
            if (!parts.empty())
                lexicon.one_person_compounds.insert(detail::parts_key(parts));
    }
    for (const auto& [i, parts] : two_part_surnames) {
        const auto& c = candidates[i];
        const auto& person = lexicon.label(c).person;
        // "(Pembrook-Kuznetsov)": one person per part when every part is a known surname and
        // the whole is no one's (hyphenated_persons.h); read_known_names splits the mention.
        if (person.given.empty() && c.def < 0 && c.method != MentionMethod::SourceAnnotation)
            if (!parts.empty()) {
                const auto key = detail::parts_key(parts);
                if (lexicon.person_pairs.count(key) ||
                    detail::names_several_persons(data, lexicon, parts, true)) {
                    lexicon.person_pairs.insert(key);
                    continue;
                }
            }
        // A surname of two parts, known however it is joined: "Ben Gurion" after "Ben-Gurion".
        const std::string_view surname = person.surname;
        const auto split = surname.find_first_of(" -");
        const auto first = surname.substr(0, split), last = surname.substr(split + 1);
        if (first.empty() || last.empty() || last.find_first_of(" -") != std::string::npos)
            continue;
        const auto h =
            detail::combine(detail::combine(detail::combine_start(), detail::fold_hash(first)),
                            detail::fold_hash(last));
        lexicon.compound_surnames.emplace(h, i);
    }
    if (!lexicon.surnames.empty() || !lexicon.compound_surnames.empty() ||
        !lexicon.person_pairs.empty() || !lexicon.acronyms.empty() || lexicon.corpus ||
        lexicon.eponym_seen) {
        std::vector<Span> taken;
        taken.reserve(candidates.size());
        for (const auto& c : candidates)
            taken.push_back(c.span);
        for (const auto& w : windows)
            detail::WindowReader(data, text, w.start, w.length, candidates, lexicon)
                .read_known_names(taken);
        sort_and_drop_overlaps(candidates);
    }
    // An acronym the document defines overrides what the gazetteer says it means.
    for (auto& c : candidates) {
        if (c.span.size() > 8)
            continue;
        const auto h = detail::fold_hash(text.substr(c.span.start, c.span.size()));
        if (auto it = lexicon.acronyms.find(h); it != lexicon.acronyms.end()) {
            c.def = it->second.def;
            c.type = it->second.type;
            c.label = it->second.label;
        }
    }

    Resolver resolver(data, text, lexicon);
    ExtractionResult result = resolver.resolve(candidates);
    result.header = detail::read_header(text);
    const std::uint32_t date_limit = std::max<std::uint32_t>(result.header.header_span.end, 400);
    for (const auto& m : result.mentions) {
        if (m.span.start >= date_limit)
            break;
        const auto& e = result.entities[m.entity];
        if (e.type == EntityType::Date) {
            if (auto date = parse_iso_date(e.canonical_name)) {
                result.header.date = *date;
                result.header.date_span = m.span;
            }
            break;
        }
    }
    return result;
}

ExtractionResult extract_document(const Document& document, const ExtractionContext& context,
                                  const CorpusSurnames* corpus) {
    return finish_reading(document, context, read_first(document, context), corpus);
}

} // namespace dossier::extract
