// The whole of `dossier eval --errors` on the FRUS 1958-60 excerpt (every figure, every error
// with its context) against the digest of the reviewed output. The output holds text of the
// shared corpus, which stays out of the repository, so the fixture keeps its SHA-256 only.
// It proves that a change meant to restructure the rules (the split of the window reader into
// one file per rule family) changes nothing; a rule change that changes the output updates the
// digest and names the improvement in its commit. Entity numbers are renumbered by first
// appearance first, so that a new table entity alone does not change the digest.
#include "dossier/ingest/content_hash.h"
#include "process.h"
#include "test_support.h"

#include <gtest/gtest.h>
#include <map>
#include <regex>
#include <sstream>

namespace {
constexpr const char* kFrus = "frus-1958-60v13-excerpt.xml";

std::map<std::string, std::string> reviewed_digests() {
    std::istringstream in(dossier::testing::read_file(
        dossier::testing::fixture("extract/frus-1958-60v13-excerpt.eval.sha256")));
    std::map<std::string, std::string> digests;
    std::string line;
    while (std::getline(in, line)) {
        if (line.empty() || line[0] == '#')
            continue;
        const auto space = line.find(' ');
        digests[line.substr(0, space)] = line.substr(space + 1);
    }
    return digests;
}

// Entities are numbered in the order the project creates them, so a new table entry renumbers
// the persons after it: "entity-N" is renumbered by first appearance before hashing.
std::string renumber_entities(const std::string& text) {
    static const std::regex kEntity("entity-[0-9]+");
    std::map<std::string, std::string> numbers;
    std::string out;
    auto last = text.cbegin();
    for (std::sregex_iterator it(text.begin(), text.end(), kEntity), end; it != end; ++it) {
        out.append(last, (*it)[0].first);
        auto [n, added] = numbers.emplace(it->str(), "");
        if (added)
            n->second = "entity-" + std::to_string(numbers.size());
        out += n->second;
        last = (*it)[0].second;
    }
    out.append(last, text.cend());
    return out;
}

std::string eval_digest(const std::string& options) {
    const auto r = dossier::testing::run_cli(
        "eval " + dossier::testing::shared_corpus(kFrus).string() + " --errors" + options);
    EXPECT_EQ(r.exit_code, 0) << r.out;
    return dossier::ingest::sha256_hex(renumber_entities(r.out));
}
} // namespace

TEST(ExtractionGolden, EvalErrorsOnTheFrusExcerptAreTheReviewedOnes) {
    DOSSIER_REQUIRE_SHARED_CORPUS(kFrus);
    const auto digests = reviewed_digests();
    ASSERT_EQ(digests.size(), 2u);
    EXPECT_EQ(eval_digest(""), digests.at("errors"));
    EXPECT_EQ(eval_digest(" --authority"), digests.at("errors-authority"));
}
