#pragma once
// Collects relation evidence from every document and folds identical (type, source, target)
// into one relation: weight = number of distinct evidence rows, first/last date = range of the
// evidence documents' dates, confidence = the highest of its evidence, method = the first seen.
#include "dossier/model/relation.h"

#include <map>
#include <string>
#include <string_view>
#include <tuple>
#include <utility>
#include <vector>

namespace dossier::extract {

class RelationAccumulator {
public:
    RelationAccumulator() = default;
    // A recorder: add() only notes each call, in order, for replay_into(). A worker thread
    // records one document's relations; the writer replays them in document order, so the
    // result is exactly that of one accumulator fed document by document.
    struct Recording {};
    explicit RelationAccumulator(Recording) : recording_(true) {}
    // Not copied or moved: it keeps a pointer into its own map (the last type added).
    RelationAccumulator(const RelationAccumulator&) = delete;
    RelationAccumulator& operator=(const RelationAccumulator&) = delete;

    // Undirected relations are stored with the smaller entity id as source. Returns false when
    // this exact evidence (document, sentence and both spans) was already recorded.
    bool add(std::string_view type, EntityId source, EntityId target, bool directed,
             double confidence, std::string_view method, const Evidence& evidence,
             const PartialDate& date);

    std::size_t size() const { return size_; }
    // The calls a recorder noted, made again on `out` in the same order.
    void replay_into(RelationAccumulator& out) const;
    // Relations in a stable order (type, source, target).
    std::vector<Relation> take();
    // For co-occurrence specificity: visits every relation of one type.
    template <class Visit> void for_each_of_type(std::string_view type, Visit&& visit) {
        if (auto it = by_type_.find(type); it != by_type_.end())
            for (auto& [ends, entry] : it->second)
                visit(entry.relation);
    }

private:
    struct RecordedAdd {
        std::string type;
        EntityId source, target;
        bool directed;
        double confidence;
        std::string method;
        Evidence evidence;
        PartialDate date;
    };
    bool recording_ = false;
    std::vector<RecordedAdd> recorded_;

    using EvidenceKey = std::tuple<std::int64_t, Span, Span, Span>;
    struct Entry {
        Relation relation;
        // Sorted. Evidence arrives document by document in id order, so a new key is nearly
        // always the largest: an append, where a std::set allocated a node per evidence row.
        std::vector<EvidenceKey> seen;
    };
    // By type, then (source, target): the (type, source, target) order of take(), with the
    // type compared once per add instead of at every step of one map's search.
    using OfType = std::map<std::pair<std::int64_t, std::int64_t>, Entry>;
    std::map<std::string, OfType, std::less<>> by_type_;
    OfType* last_of_type_ = nullptr; // consecutive adds are mostly of one type
    std::string last_type_;
    std::size_t size_ = 0;
};

} // namespace dossier::extract
