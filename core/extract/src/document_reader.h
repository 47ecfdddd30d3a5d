#pragma once
// The rules that turn one window of tokens into candidate mentions (before identity resolution).
#include "dossier/extract/extraction.h"
#include "dossier/extract/name_key.h"
#include "dossier/model/entity.h"
#include "gazetteer.h"

#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

namespace dossier::extract::detail {

// What a rule says about the entity a candidate names, when no table entry does: the key and
// name of an entity the rules build (organizations, places, dates, references) and the parts of
// a person's name. Candidates share these through LabelTable, so a document's candidates cost
// 24 bytes each however many of them name the same thing (a 50 MB document has ~650,000).
struct CandidateLabel {
    std::string key;
    std::string canonical;
    PersonName person;
};

class LabelTable {
public:
    static constexpr std::uint32_t kNone = 0; // no key, no name
    LabelTable();
    std::uint32_t intern(CandidateLabel label);
    const CandidateLabel& operator[](std::uint32_t index) const { return labels_[index]; }
    std::size_t size() const { return labels_.size(); }

private:
    std::vector<CandidateLabel> labels_;
    std::unordered_map<std::string, std::uint32_t> index_;
};

struct Candidate {
    Span span;
    int def = -1; // EntityDef index in the context, when the gazetteer/authority knows it
    std::uint32_t label = LabelTable::kNone; // in DocumentLexicon::labels
    float confidence = 1.0f;
    EntityType type = EntityType::Person;
    MentionMethod method = MentionMethod::Rule;
};

// Per-document state the windows share: acronyms the text defines, persons it introduced.
struct DocumentLexicon {
    struct Acronym {
        int def = -1;
        EntityType type = EntityType::Organization;
        std::uint32_t label = LabelTable::kNone;
    };
    std::unordered_map<std::uint64_t, Acronym> acronyms;     // token hash -> expansion's entity
    std::unordered_map<std::uint64_t, std::size_t> surnames; // surname hash -> candidate index
    // Surnames of two parts ("Ben-Gurion", "Ben Gurion"), by the hash of both parts however
    // they are joined -> candidate index.
    std::unordered_map<std::uint64_t, std::size_t> compound_surnames;
    // Hyphenated surnames this document names as one person, by parts_key
    // (hyphenated_persons.h): read after a title in pass 1 ("Mr. Lloyd-George"), with given names
    // or linked to an authority entry (pass 2).
    std::unordered_set<std::uint64_t> one_person_compounds;
    // Hyphenated names pass 1 read as one person that pass 2 reads as one person per part
    // ("(Pembrook-Kuznetsov)"), by parts_key.
    std::unordered_set<std::uint64_t> person_pairs;
    // Token hash -> the one authority person with that surname skeleton, or -1 (none, several).
    std::unordered_map<std::uint64_t, int> authority_surname;
    const CorpusSurnames* corpus = nullptr; // surnames other documents introduced, if any
    // Pass 1 saw a capitalised word before an eponym word ("the Douglas Amendment"): pass 2
    // decides, with the surnames known by then, whether it names a person.
    bool eponym_seen = false;
    LabelTable labels;
    const CandidateLabel& label(const Candidate& c) const { return labels[c.label]; }
};

// Reads one window [base, base + text.size()) of the document text (offsets are absolute).
class WindowReader {
public:
    WindowReader(const ExtractionContext::Data& data, std::string_view document_text,
                 std::size_t base, std::size_t length, std::vector<Candidate>& out,
                 DocumentLexicon& lexicon);
    void read_rules(); // pass 1: gazetteer, authority, titles, rules
    // Pass 2: surnames, acronyms, outside the spans pass 1 took (sorted, not overlapping).
    void read_known_names(const std::vector<Span>& taken);

private:
    // Where pass 2 stands: the spans pass 1 took (sorted), the first one not yet behind the
    // token, and the candidates pass 2 adds.
    struct SecondPass {
        const std::vector<Span>& taken;
        std::size_t cursor = 0;
        std::vector<Candidate> added;
    };
    // The rules of pass 2, in order; each reads at token i and may move i past what it took,
    // returning true when it took the token.
    bool second_pass_eponym(std::size_t& i, SecondPass& pass);
    bool second_pass_person_pair(std::size_t& i, SecondPass& pass);
    bool second_pass_acronym(std::size_t& i, SecondPass& pass);
    bool second_pass_compound_surname(std::size_t& i, SecondPass& pass);
    bool second_pass_hyphenated_pair(std::size_t& i, SecondPass& pass);
    bool second_pass_corpus_surname(std::size_t& i, SecondPass& pass);
    bool second_pass_own_surname(std::size_t& i, SecondPass& pass);
    struct PhraseMatch {
        std::size_t length = 0;
        const std::vector<PhraseEntry>* entries = nullptr;
    };
    struct NameRead {
        std::size_t begin = 0; // first token of the name, after any titles read before it
        std::size_t end = 0;   // token index after the name; 0 when none
        PersonName name;
        bool has_initial = false;
        bool surname_first = false; // "Khrushchev N.S."
    };

    std::string_view token_text(std::size_t i) const;
    bool punct_is(std::size_t i, char c) const;
    bool glued(std::size_t i) const;         // no space before token i
    bool is_apostrophe(std::size_t i) const; // ' or ’
    bool is_initial_at(std::size_t i) const;

    PhraseMatch longest_phrase(std::size_t i, bool entities_only) const;
    const PhraseEntry* pick_entity(const PhraseMatch& m) const;
    const PhraseEntry* pick_title(const PhraseMatch& m) const;
    bool is_name_word(std::size_t i) const;
    // Token i - 1 is a given name written before the surname at token i: "Bob Anderson",
    // "Lewis Jones" (a capitalised name word on the same line, not a title, country or place,
    // and not the first word of a sentence, where any word is capitalised).
    bool given_name_before(std::size_t i) const;
    // Token i begins a sentence or paragraph, where any word is capitalised.
    bool starts_sentence(std::size_t i) const;
    // allow_caps: names in capitals count (the trigger was in capitals too: "TO COMRADES ...").
    NameRead read_name(std::size_t i, bool allow_caps = false) const;
    bool starts_title(std::size_t i) const;
    // A title phrase ends right before token i ("Mr. Lloyd-George", "Prime Minister Ben-Gurion").
    bool title_ends_before(std::size_t i) const;
    // The token of the last part of a hyphenated name whose first part is token i
    // ("Pembrook-Kuznetsov"), or 0 when token i starts none.
    std::size_t hyphenated_name_end(std::size_t i) const;
    // One person mention per part of the hyphenated name [first, last]; the first replaces
    // `whole` (pass 1's reading of the compound) when there is one.
    void emit_person_pair(std::size_t first, std::size_t last, Candidate* whole,
                          std::vector<Candidate>& added);
    std::size_t read_name_list(std::size_t i, bool allow_caps, float confidence);
    std::size_t try_context_person(std::size_t i);
    bool is_routing_verb(std::size_t k) const;
    std::size_t try_routing_person(std::size_t i);
    std::size_t try_letter_person(std::size_t i);
    std::size_t try_bracketed_person(std::size_t i);
    std::size_t try_possessive_person(std::size_t i);
    // ", Calhoun," after "the Director of the Executive Secretariat": a name set off after a role.
    std::size_t try_appositive_after_role(std::size_t comma);
    // "Woodruff Wallner—Deputy Assistant Secretary": a participants-list line.
    std::size_t try_name_dash_office(std::size_t i);
    // "Nuri Said": a known given name and a capitalised name word.
    std::size_t try_given_name(std::size_t i);
    // Token i is a surname known as a person's (this document, the corpus, the authority file)
    // and token i + 1 an eponym word: "the Douglas Amendment".
    bool is_eponym_person(std::size_t i) const;
    std::size_t try_closing_signature(std::size_t i);
    // A surname alone (or of two words) that exactly one authority person has.
    std::size_t try_authority_surname(std::size_t i);
    std::size_t try_authority_two_word_surname(std::size_t i);
    // Transcripts: "Kissinger: ..." at a line start, a label the document uses at least twice.
    void find_speaker_labels();
    std::size_t speaker_label_end(std::size_t i) const; // the ':' token, or 0
    std::size_t try_speaker_label(std::size_t i);
    // "D: ..." where the document named Dobrynin before: a label of initials, read as the one
    // person named earlier with those initials.
    std::size_t try_speaker_initials(std::size_t i);
    // The one person of the candidates ending at or before `before` whose initials `letters`
    // (folded) gives, or none when no one or two different surnames fit.
    std::optional<Candidate> person_with_initials(const std::string& letters,
                                                  std::uint32_t before) const;
    // "Khrushchev N.S.", "Kosygin A. N.": a surname followed by its initials (Russian order).
    std::size_t try_surname_then_initials(std::size_t i);
    bool read_surname_first(const std::vector<std::string>& words, std::size_t after,
                            NameRead& result) const;
    // "Henry A. Kissinger (K)": the abbreviation names that person wherever it recurs.
    void define_person_abbreviation(std::size_t end, const Candidate& person);
    // "the Indian government", "the American embassy": a country and an institution word in
    // lower case after it.
    std::size_t try_country_institution(std::size_t i, std::size_t length,
                                        const PhraseEntry& entry);
    bool names_the_city(std::size_t begin) const;                 // a capital after "in", "at", ...
    bool names_a_venue(std::size_t begin, std::size_t end) const; // "the Warsaw talks"
    bool starts_dateline(std::size_t begin, std::size_t end) const; // "Moscow, May 3, ..."
    void place_instead_of_state(Candidate& c);
    // "the 303 Committee", "the 40 Committee": a number names the committee.
    std::size_t try_numbered_institution(std::size_t i);
    // The country whose government tokens [i, i + length) name, or -1.
    int government_country(std::size_t i, std::size_t length) const;
    // OCR text: "Gr0myko", "K1ssinger", "Mosc0w": a word with 0 or 1 among its letters that,
    // read as o, l or i, is one authority surname or a one-word table name.
    std::size_t try_ocr_variant(std::size_t i);
    // A table phrase (title, entity) or a keyword institution at token i.
    std::size_t try_table_phrase(std::size_t i);

    std::size_t try_reference(std::size_t i);
    std::size_t try_date(std::size_t i);
    std::size_t try_place_feature(std::size_t i);
    std::size_t org_rule_length(std::size_t i) const;
    std::size_t handle_title(std::size_t i, std::size_t title_length, TitleKind kind);
    std::size_t emit_entity(std::size_t i, std::size_t length, const PhraseEntry& entry);
    std::size_t emit_org_rule(std::size_t i, std::size_t length);
    std::size_t try_acronym_definition(std::size_t i);
    std::size_t after_entity(std::size_t end, const Candidate& c); // "X (ACR)"
    void emit_person(std::size_t begin, const NameRead& name, MentionMethod method,
                     float confidence);
    std::uint32_t rule_label(std::string key, std::string canonical);
    std::uint32_t person_label(PersonName person);

    const ExtractionContext::Data& data_;
    std::string_view text_;
    std::vector<Token> tokens_;
    std::vector<Candidate>& out_;
    DocumentLexicon& lexicon_;
    std::unordered_set<std::uint64_t> speaker_labels_; // label hashes used twice or more
    // Speaker labels of initials read so far -> the person each names (none: nobody).
    std::unordered_map<std::uint64_t, std::optional<Candidate>> speaker_initials_;
};

} // namespace dossier::extract::detail
