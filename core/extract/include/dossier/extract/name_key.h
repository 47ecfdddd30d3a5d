#pragma once
// Identity keys for names: what makes two spellings the same entity.
//
// Person names match across documents when their surname skeletons are equal and their given
// names or initials do not conflict. The skeleton of a surname folds case and diacritics and the
// common variation of English transliterations of Russian, Chinese and Arabic names:
//   y, j -> i   (Kosygyn/Kosygin, Zamiatin/Zamyatin, Andrey/Andrei)
//   x -> ks, kh -> h, ck -> k, ph -> f, w -> v, q -> k
//   doubled letters collapse (Hammarskjöld/Hammarskjold, Ben-Gurion/Ben Gurion), non-letters go.
// Given names conflict when, position by position, their initials differ ("A." vs "B.") or two
// full given names have different skeletons; a missing given name conflicts with nothing.
#include <string>
#include <string_view>
#include <vector>

namespace dossier::extract {

std::string name_skeleton(std::string_view name);

// Lower case, accents removed, runs of white space as one space, trimmed.
std::string normalize_name(std::string_view name);

struct PersonName {
    std::vector<std::string> given; // given names or initials ("A."), in order
    std::string surname;
};

// "Gromyko, Andrei A." (authority order) or "Andrei A. Gromyko" (natural order).
PersonName parse_person_name(std::string_view name);
std::string display_name(const PersonName& name); // natural order, "Andrei A. Gromyko"

// "el-Said" -> "Said", "al-Khuri" -> "Khuri": the surname without its Arabic article, which
// writers give or leave out ("Nuri el-Said" is "Nuri Said"); "" when it has none.
std::string without_arabic_article(const std::string& surname);

bool given_names_compatible(const std::vector<std::string>& a, const std::vector<std::string>& b);

// The key of a person without authority link: "<surname skeleton>:<initials>", e.g. "kosigin:an".
std::string person_key(const PersonName& name);

// Chinese names are written surname first ("Liang Zhenhua", "Chou En-lai"). True when the word
// (any case, hyphens allowed) splits into one to three syllables of Hanyu Pinyin or Wade-Giles:
// "Zhenhua", "Xiaoping", "En-lai", "Tse-tung"; with a surname of
// data/gazetteer/chinese_surnames.tsv before it, the name is read surname first.
bool is_chinese_given_name(std::string_view word);

} // namespace dossier::extract
