// Places: geographic features named with their kind ("straits of Singapore", "Gulf of Aqaba").
#include "document_reader.h"
#include "reader_support.h"

namespace dossier::extract::detail {

// "straits of Singapore", "Gulf of Aqaba", "Gaza Strip": a geographic feature and its name.
std::size_t WindowReader::try_place_feature(std::size_t i) {
    const auto& t = tokens_[i];
    if (!t.is(kWord) || !data_.place_features.count(t.hash))
        return 0;
    if (i + 2 >= tokens_.size() || tokens_[i + 1].hash != fold_hash("of") ||
        !tokens_[i + 2].is(kCapitalized) || !tokens_[i + 2].is(kWord))
        return 0;
    std::size_t end = i + 3;
    while (end < tokens_.size() && end - i < 6 && tokens_[end].is(kWord) &&
           tokens_[end].is(kCapitalized) && !data_.not_names.count(tokens_[end].hash))
        ++end;
    std::string feature = display_form(token_text(i));
    if (!feature.empty() && feature[0] >= 'a' && feature[0] <= 'z')
        feature[0] = static_cast<char>(feature[0] - 32);
    if (feature.size() > 1 && feature.back() == 's' && feature != "Islands")
        feature.pop_back(); // "straits of Singapore" is the Strait of Singapore
    const auto name_span = span_of(tokens_, i + 2, end);
    Candidate c;
    c.span = span_of(tokens_, i, end);
    c.type = EntityType::Place;
    std::string canonical =
        feature + " of " + display_form(text_.substr(name_span.start, name_span.size()));
    std::string key = "place:" + normalize_name(canonical);
    if (auto it = data_.entity_by_key.find(key); it != data_.entity_by_key.end())
        c.def = static_cast<int>(it->second);
    c.label = rule_label(std::move(key), std::move(canonical));
    c.method = MentionMethod::Rule;
    c.confidence = kConfidence.place_feature;
    out_.push_back(c);
    return end - i;
}

} // namespace dossier::extract::detail
