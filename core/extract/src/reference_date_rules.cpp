// Document references ("protocol No. 217", "telegram 1364") and dates.
#include "document_reader.h"
#include "reader_support.h"

namespace dossier::extract::detail {

std::size_t WindowReader::try_reference(std::size_t i) {
    const auto& t = tokens_[i];
    if (!t.is(kWord))
        return 0;
    auto kind = data_.document_kinds.find(t.hash);
    if (kind == data_.document_kinds.end())
        return 0;
    std::size_t k = i + 1;
    if (punct_is(k, '.') && glued(k))
        ++k;
    bool numbered = false;
    if (k < tokens_.size() &&
        (tokens_[k].hash == fold_hash("no") || tokens_[k].hash == fold_hash("nos") ||
         tokens_[k].hash == fold_hash("number"))) {
        numbered = true;
        ++k;
        if (punct_is(k, '.'))
            ++k;
    }
    if (k >= tokens_.size())
        return 0;
    const std::string& name = kind->second;
    const bool needs_number_word =
        !(name == "protocol" || name == "telegram" || name == "despatch" || name == "dispatch" ||
          name == "memorandum" || name == "airgram" || name == "nsc" || name == "nie" ||
          name == "snie");
    if (needs_number_word && !numbered)
        return 0;
    const auto& n = tokens_[k];
    const std::string_view first = token_text(k);
    bool has_digit = false;
    for (char c : first)
        has_digit = has_digit || (c >= '0' && c <= '9');
    if (!has_digit || !(n.is(kNumber) || n.is(kWord)))
        return 0;
    // The reference runs over letters, digits and / - . without spaces: "P217/57", "5412/2".
    std::size_t end_token = k + 1;
    while (end_token + 1 < tokens_.size() && glued(end_token) && glued(end_token + 1) &&
           (punct_is(end_token, '/') || punct_is(end_token, '-') || punct_is(end_token, '.')) &&
           (tokens_[end_token + 1].is(kNumber) || tokens_[end_token + 1].is(kWord)))
        end_token += 2;
    const Span span = span_of(tokens_, i, end_token);
    std::string number(
        text_.substr(tokens_[k].start, tokens_[end_token - 1].end - tokens_[k].start));
    Candidate c;
    c.span = span;
    c.type = EntityType::Document;
    std::string label =
        name == "nsc" || name == "nie" || name == "snie" ? std::string(token_text(i)) : name;
    if (!label.empty() && label[0] >= 'a' && label[0] <= 'z')
        label[0] = static_cast<char>(label[0] - 32);
    c.label =
        rule_label("ref:" + name + " " + fold(number), label + (numbered ? " No. " : " ") + number);
    c.method = MentionMethod::Rule;
    c.confidence = kConfidence.document_reference;
    out_.push_back(c);
    return end_token - i;
}

std::size_t WindowReader::try_date(std::size_t i) {
    auto number_value = [&](std::size_t k, int& value) {
        if (k >= tokens_.size() || !tokens_[k].is(kNumber) || tokens_[k].end - tokens_[k].start > 4)
            return false;
        value = 0;
        for (char c : token_text(k))
            value = value * 10 + (c - '0');
        return true;
    };
    auto month_at = [&](std::size_t k) -> int {
        if (k >= tokens_.size() || !tokens_[k].is(kWord) || !tokens_[k].is(kCapitalized))
            return 0;
        auto it = data_.months.find(tokens_[k].hash);
        return it == data_.months.end() ? 0 : it->second;
    };
    int year = 0, month = 0, day = 0;
    std::size_t end = 0;
    if (int m = month_at(i)) {
        std::size_t k = i + 1;
        if (punct_is(k, '.') && glued(k))
            ++k;
        int v = 0;
        if (number_value(k, v) && v >= 1 && v <= 31 && tokens_[k].end - tokens_[k].start <= 2) {
            std::size_t y = k + 1;
            if (punct_is(y, ','))
                ++y;
            int yv = 0;
            if (number_value(y, yv) && yv >= 1000 && yv <= 2100) {
                year = yv, month = m, day = v, end = y + 1;
            }
        } else if (number_value(k, v) && v >= 1000 && v <= 2100) {
            year = v, month = m, end = k + 1;
        }
    } else {
        int v = 0;
        if (number_value(i, v) && v >= 1 && v <= 31) {
            std::size_t k = i + 1;
            if (int m2 = month_at(k)) {
                ++k;
                if (punct_is(k, '.') && glued(k))
                    ++k;
                if (punct_is(k, ','))
                    ++k;
                int yv = 0;
                if (number_value(k, yv) && yv >= 1000 && yv <= 2100)
                    year = yv, month = m2, day = v, end = k + 1;
            }
        } else if (number_value(i, v) && v >= 1000 && v <= 2100 && punct_is(i + 1, '-') &&
                   glued(i + 1)) {
            int mv = 0, dv = 0;
            if (number_value(i + 2, mv) && punct_is(i + 3, '-') && number_value(i + 4, dv) &&
                mv >= 1 && mv <= 12 && dv >= 1 && dv <= 31 && glued(i + 2) && glued(i + 3) &&
                glued(i + 4))
                year = v, month = mv, day = dv, end = i + 5;
        }
    }
    if (end == 0)
        return 0;
    if (day > 0) {
        static constexpr int kDays[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
        if (day > kDays[month - 1])
            return 0;
    }
    char iso[16];
    if (day > 0)
        std::snprintf(iso, sizeof iso, "%04d-%02d-%02d", year, month, day);
    else
        std::snprintf(iso, sizeof iso, "%04d-%02d", year, month);
    Candidate c;
    c.span = span_of(tokens_, i, end);
    c.type = EntityType::Date;
    c.label = rule_label(std::string("date:") + iso, iso);
    c.method = MentionMethod::Rule;
    c.confidence = kConfidence.date;
    out_.push_back(c);
    return end - i;
}

} // namespace dossier::extract::detail
