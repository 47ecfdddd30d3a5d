#pragma once
// A deterministic archival-looking corpus for the benchmarks: cables with a header, numbered
// paragraphs and sentences naming officials, cities, dates and topics.
#include <random>
#include <string>

namespace dossier::bench {

inline const char* const kSurnames[] = {"Whitcomb", "Halasz",    "Pryor",   "Ludwig",   "Marchetti",
                                        "Okafor",   "Lindqvist", "Bernard", "Kovacs",   "Novak",
                                        "Duarte",   "Yamada",    "Brandt",  "Sorensen", "Petrov",
                                        "Fischer",  "Moreau",    "Haddad",  "Castillo", "Reyes"};
inline const char* const kTitles[] = {
    "Ambassador",     "Minister",         "Under Secretary",         "Counselor",
    "Consul General", "Foreign Minister", "Deputy Chief of Mission", "General"};
inline const char* const kCities[] = {"Vienna",   "Budapest", "Bonn",     "Rome",   "Paris",
                                      "Belgrade", "Warsaw",   "Prague",   "Ankara", "Cairo",
                                      "Beirut",   "Geneva",   "Helsinki", "Lisbon"};
inline const char* const kMonths[] = {"January",   "February", "March",    "April",
                                      "May",       "June",     "July",     "August",
                                      "September", "October",  "November", "December"};
inline const char* const kTopics[] = {"the trade agreement",  "the credits for the Danube project",
                                      "the visa question",    "the military assistance program",
                                      "the refugee problem",  "the fishing dispute",
                                      "the border incidents", "the cultural exchange program"};
inline const char* const kVerbs[] = {"met",        "called on", "wrote to",
                                     "telephoned", "received",  "lunched with"};

class CorpusWriter {
public:
    explicit CorpusWriter(unsigned seed) : rng_(seed) {}

    template <std::size_t N> const char* pick(const char* const (&items)[N]) {
        return items[rng_() % N];
    }
    int number(int lo, int hi) {
        return lo + static_cast<int>(rng_() % static_cast<unsigned>(hi - lo + 1));
    }

    std::string person() { return std::string(pick(kTitles)) + " " + pick(kSurnames); }
    std::string date() {
        return std::to_string(number(1, 28)) + " " + pick(kMonths) + " " +
               std::to_string(number(1955, 1985));
    }

    std::string sentence() {
        switch (rng_() % 5) {
        case 0:
            return "On " + date() + ", " + person() + " " + pick(kVerbs) + " " + person() + " in " +
                   pick(kCities) + " to discuss " + pick(kTopics) + ".";
        case 1:
            return "The Embassy in " + std::string(pick(kCities)) + " reported that " +
                   std::to_string(number(2, 900)) + " tons of equipment had been delivered by " +
                   pick(kMonths) + " " + std::to_string(number(1955, 1985)) + ".";
        case 2:
            return person() + " said that his government could not accept " + pick(kTopics) +
                   " unless the other side made a gesture first.";
        case 3:
            return "Reference telegram " + std::to_string(number(100, 9999)) + " of " + date() +
                   " summarized the position on " + pick(kTopics) + ".";
        default:
            return "Department may wish to consult " + std::string(pick(kCities)) + " and " +
                   pick(kCities) + " before replying to " + person() + ".";
        }
    }

    std::string cable(std::size_t target_bytes, int number_in_series) {
        std::string text = std::string(rng_() % 3 == 0 ? "SECRET" : "CONFIDENTIAL") +
                           "\n\nFROM: AMEMBASSY " + pick(kCities) +
                           "\nTO: SECSTATE WASHDC\nNO: " + std::to_string(number_in_series) +
                           "\nDATE: " + date() + "\nSUBJECT: " + pick(kTopics) + "\n\n";
        int paragraph = 1;
        while (text.size() < target_bytes) {
            text += std::to_string(paragraph++) + ". ";
            for (int s = number(2, 6); s > 0; --s)
                text += sentence() + " ";
            text.back() = '\n';
            text += '\n';
        }
        text += std::string(pick(kSurnames)) + "\n";
        return text;
    }

private:
    std::mt19937 rng_;
};

} // namespace dossier::bench
