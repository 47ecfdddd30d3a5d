#include "dossier/extract/relation_accumulator.h"

#include <algorithm>

namespace dossier::extract {

bool RelationAccumulator::add(std::string_view type, EntityId source, EntityId target,
                              bool directed, double confidence, std::string_view method,
                              const Evidence& evidence, const PartialDate& date) {
    if (recording_) {
        recorded_.push_back({std::string(type), source, target, directed, confidence,
                             std::string(method), evidence, date});
        return true;
    }
    Evidence stored = evidence;
    if (!directed && target < source) {
        // The argument spans travel with their entities.
        std::swap(source, target);
        std::swap(stored.source_span, stored.target_span);
    }
    if (!last_of_type_ || last_type_ != type) {
        auto it = by_type_.find(type);
        if (it == by_type_.end())
            it = by_type_.emplace(std::string(type), OfType{}).first;
        last_of_type_ = &it->second;
        last_type_ = type;
    }
    auto [it, inserted] = last_of_type_->try_emplace({source.value, target.value});
    auto& entry = it->second;
    auto& r = entry.relation;
    if (inserted) {
        ++size_;
        r.type = type;
        r.source = source;
        r.target = target;
        r.directed = directed;
        r.weight = 0;
        r.confidence = confidence;
        r.method = method;
    }
    const EvidenceKey key{stored.document.value, stored.sentence, stored.source_span,
                          stored.target_span};
    auto& seen = entry.seen;
    if (seen.empty() || seen.back() < key) {
        seen.push_back(key);
    } else {
        auto at = std::lower_bound(seen.begin(), seen.end(), key);
        if (*at == key)
            return false;
        seen.insert(at, key);
    }
    r.evidence.push_back(stored);
    r.weight += 1;
    r.confidence = std::max(r.confidence, confidence);
    if (!date.empty()) {
        if (r.first_date.empty() || date < r.first_date)
            r.first_date = date;
        if (r.last_date.empty() || r.last_date < date)
            r.last_date = date;
    }
    return true;
}

void RelationAccumulator::replay_into(RelationAccumulator& out) const {
    for (const auto& a : recorded_)
        out.add(a.type, a.source, a.target, a.directed, a.confidence, a.method, a.evidence, a.date);
}

std::vector<Relation> RelationAccumulator::take() {
    std::vector<Relation> result;
    result.reserve(size_);
    for (auto& [type, of_type] : by_type_)
        for (auto& [ends, entry] : of_type)
            result.push_back(std::move(entry.relation));
    by_type_.clear();
    last_of_type_ = nullptr;
    last_type_.clear();
    size_ = 0;
    return result;
}

} // namespace dossier::extract
