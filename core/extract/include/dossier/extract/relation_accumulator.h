#pragma once
// Collects relation evidence from every document and folds identical (type, source, target)
// into one relation: weight = number of distinct evidence rows, first/last date = range of the
// evidence documents' dates, confidence = the highest of its evidence, method = the first seen.
#include "dossier/model/relation.h"

#include <map>
#include <set>
#include <string>
#include <string_view>
#include <tuple>
#include <vector>

namespace dossier::extract {

class RelationAccumulator {
public:
    // Undirected relations are stored with the smaller entity id as source. Returns false when
    // this exact evidence (document, sentence and both spans) was already recorded.
    bool add(std::string_view type, EntityId source, EntityId target, bool directed,
             double confidence, std::string_view method, const Evidence& evidence,
             const PartialDate& date);

    std::size_t size() const { return relations_.size(); }
    // Relations in a stable order (type, source, target).
    std::vector<Relation> take();
    // For co-occurrence specificity: visits every relation of one type.
    template <class Visit> void for_each_of_type(std::string_view type, Visit&& visit) {
        for (auto& [key, entry] : relations_)
            if (std::get<0>(key) == type)
                visit(entry.relation);
    }

private:
    using Key = std::tuple<std::string, std::int64_t, std::int64_t>;
    using KeyView = std::tuple<std::string_view, std::int64_t, std::int64_t>;
    // Orders keys and looks them up by a view of the type: no string is built for the lookups,
    // one per evidence row, of relations already known.
    struct KeyLess {
        using is_transparent = void;
        static KeyView view(const Key& key) {
            return {std::get<0>(key), std::get<1>(key), std::get<2>(key)};
        }
        static const KeyView& view(const KeyView& key) { return key; }
        template <class A, class B> bool operator()(const A& a, const B& b) const {
            return view(a) < view(b);
        }
    };
    using EvidenceKey = std::tuple<std::int64_t, Span, Span, Span>;
    struct Entry {
        Relation relation;
        std::set<EvidenceKey> seen;
    };
    std::map<Key, Entry, KeyLess> relations_;
};

} // namespace dossier::extract
