#include "dossier/extract/name_key.h"

#include "text_tokens.h"

namespace dossier::extract {
namespace {

bool is_space(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

std::vector<std::string_view> split_words(std::string_view text) {
    std::vector<std::string_view> words;
    std::size_t i = 0;
    while (i < text.size()) {
        while (i < text.size() && is_space(text[i]))
            ++i;
        std::size_t start = i;
        while (i < text.size() && !is_space(text[i]))
            ++i;
        if (i > start)
            words.push_back(text.substr(start, i - start));
    }
    return words;
}

// The first letter of a given name, folded ("Andreĭ" -> 'a').
char initial_of(std::string_view given) {
    const std::string folded = detail::fold(given);
    for (char c : folded)
        if (c >= 'a' && c <= 'z')
            return c;
    return '\0';
}

bool is_initial(std::string_view given) {
    const std::string folded = detail::fold(given);
    std::size_t letters = 0;
    for (char c : folded)
        if (c >= 'a' && c <= 'z')
            ++letters;
    return letters <= 1 || (given.size() <= 3 && given.back() == '.');
}

bool is_consonant(char c) {
    return c >= 'a' && c <= 'z' && c != 'a' && c != 'e' && c != 'i' && c != 'o' && c != 'u' &&
           c != 'y';
}

// A surname with a Russian (or Ukrainian) ending in Latin letters, in English, French or German
// transliteration: the only names whose "ou" the skeleton reads as u.
bool has_russian_ending(std::string_view folded) {
    for (std::string_view ending : {"ov", "ev", "off", "eff", "ova", "eva", "ine", "in", "yn",
                                    "sky", "ski", "skii", "enko", "ich", "itch", "ow"})
        if (folded.size() > ending.size() + 2 &&
            folded.substr(folded.size() - ending.size()) == ending)
            return true;
    return false;
}

} // namespace

std::string name_skeleton(std::string_view name) {
    const std::string folded = detail::fold(name);
    const bool russian = has_russian_ending(folded);
    std::string out;
    out.reserve(folded.size());
    for (std::size_t i = 0; i < folded.size(); ++i) {
        char c = folded[i];
        const char next = i + 1 < folded.size() ? folded[i + 1] : '\0';
        if (!(c >= 'a' && c <= 'z') && static_cast<unsigned char>(c) < 0x80)
            continue;
        // French transliteration of Russian writes u as "ou": Kouznetsov is Kuznetsov.
        if (russian && c == 'o' && next == 'u' && i + 2 < folded.size() &&
            is_consonant(folded[i + 2])) {
            c = 'u';
            ++i;
        } else if (c == 'k' && next == 'h') {
            c = 'h';
            ++i;
        } else if (c == 'c' && next == 'k') {
            c = 'k';
            ++i;
        } else if (c == 'p' && next == 'h') {
            c = 'f';
            ++i;
        } else if (c == 'x') {
            out += 'k';
            c = 's';
        } else if (c == 'y' || c == 'j') {
            c = 'i';
        } else if (c == 'w') {
            c = 'v';
        } else if (c == 'q') {
            c = 'k';
        }
        if (!out.empty() && out.back() == c)
            continue;
        out += c;
    }
    return out;
}

std::string normalize_name(std::string_view name) {
    std::string out;
    // Named, not a temporary: the words are views into it and must outlive the loop.
    const std::string folded = detail::fold(name);
    for (auto word : split_words(folded)) {
        if (!out.empty())
            out += ' ';
        out += word;
    }
    return out;
}

PersonName parse_person_name(std::string_view name) {
    PersonName result;
    const auto comma = name.find(',');
    if (comma != std::string_view::npos) {
        for (auto w : split_words(name.substr(0, comma))) {
            if (!result.surname.empty())
                result.surname += ' ';
            result.surname += w;
        }
        auto rest = name.substr(comma + 1);
        // "Gromyko, A. A" and "Kennedy, John F., Jr." : drop suffixes after a second comma.
        if (auto second = rest.find(','); second != std::string_view::npos)
            rest = rest.substr(0, second);
        for (auto w : split_words(rest))
            result.given.emplace_back(w);
        return result;
    }
    auto words = split_words(name);
    if (words.empty())
        return result;
    result.surname = std::string(words.back());
    for (std::size_t i = 0; i + 1 < words.size(); ++i)
        result.given.emplace_back(words[i]);
    return result;
}

std::string display_name(const PersonName& name) {
    std::string out;
    for (const auto& g : name.given) {
        out += g;
        out += ' ';
    }
    out += name.surname;
    return out;
}

namespace {

// Common English short forms of given names, as archival English writes them ("Bob Anderson"
// for Robert B. Anderson): the short form fits the full name and its initial.
struct ShortForm {
    const char* short_form;
    const char* full;
};
constexpr ShortForm kShortForms[] = {
    {"bob", "robert"},     {"bobby", "robert"},   {"rob", "robert"},      {"bill", "william"},
    {"billy", "william"},  {"will", "william"},   {"dick", "richard"},    {"rick", "richard"},
    {"jim", "james"},      {"jimmy", "james"},    {"tom", "thomas"},      {"tommy", "thomas"},
    {"ted", "edward"},     {"ed", "edward"},      {"eddie", "edward"},    {"mike", "michael"},
    {"joe", "joseph"},     {"chuck", "charles"},  {"charlie", "charles"}, {"dave", "david"},
    {"dan", "daniel"},     {"danny", "daniel"},   {"sam", "samuel"},      {"fred", "frederick"},
    {"andy", "andrew"},    {"tony", "anthony"},   {"jerry", "gerald"},    {"larry", "lawrence"},
    {"pete", "peter"},     {"steve", "stephen"},  {"walt", "walter"},     {"doug", "douglas"},
    {"herb", "herbert"},   {"ken", "kenneth"},    {"ray", "raymond"},     {"nick", "nicholas"},
    {"phil", "philip"},    {"alex", "alexander"}, {"liz", "elizabeth"},   {"betty", "elizabeth"},
    {"kate", "katherine"}, {"peggy", "margaret"},
};

// A given name as compared: its full form when it is a known short form.
std::string full_given_name(std::string_view given) {
    const std::string folded = detail::fold(given);
    for (const auto& f : kShortForms)
        if (folded == f.short_form)
            return f.full;
    return std::string(given);
}

} // namespace

std::string without_arabic_article(const std::string& surname) {
    for (std::string_view article : {"al-", "el-", "Al-", "El-", "al ", "el "})
        if (surname.size() > article.size() + 1 && surname.starts_with(article)) {
            std::string bare = surname.substr(article.size());
            if (bare[0] >= 'a' && bare[0] <= 'z')
                bare[0] = static_cast<char>(bare[0] - 32);
            return bare;
        }
    return {};
}

bool given_names_compatible(const std::vector<std::string>& a, const std::vector<std::string>& b) {
    const std::size_t n = std::min(a.size(), b.size());
    for (std::size_t i = 0; i < n; ++i) {
        const std::string x = full_given_name(a[i]), y = full_given_name(b[i]);
        if (initial_of(x) != initial_of(y))
            return false;
        if (!is_initial(x) && !is_initial(y) && name_skeleton(x) != name_skeleton(y))
            return false;
    }
    return true;
}

std::string person_key(const PersonName& name) {
    std::string key = name_skeleton(name.surname);
    key += ':';
    for (const auto& g : name.given)
        if (char c = initial_of(full_given_name(g)))
            key += c;
    return key;
}

} // namespace dossier::extract
