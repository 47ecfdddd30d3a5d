// Connected components and k-core numbers of the simple view.
#include "dossier/graph/metrics.h"
#include "group_labels.h"

#include <algorithm>
#include <numeric>

namespace dossier::graph {

namespace detail {
// Renumbers labels so that 0 is the largest group, 1 the next, ties by first vertex.
void relabel_by_size(std::vector<int>& labels) {
    if (labels.empty())
        return;
    const int groups = *std::max_element(labels.begin(), labels.end()) + 1;
    std::vector<std::size_t> size(static_cast<std::size_t>(groups), 0),
        first(static_cast<std::size_t>(groups), labels.size());
    for (std::size_t v = 0; v < labels.size(); ++v) {
        const auto l = static_cast<std::size_t>(labels[v]);
        ++size[l];
        first[l] = std::min(first[l], v);
    }
    std::vector<int> order(static_cast<std::size_t>(groups));
    std::iota(order.begin(), order.end(), 0);
    std::sort(order.begin(), order.end(), [&](int a, int b) {
        const auto ua = static_cast<std::size_t>(a), ub = static_cast<std::size_t>(b);
        return size[ua] != size[ub] ? size[ua] > size[ub] : first[ua] < first[ub];
    });
    std::vector<int> rank(static_cast<std::size_t>(groups));
    for (std::size_t i = 0; i < order.size(); ++i)
        rank[static_cast<std::size_t>(order[i])] = static_cast<int>(i);
    for (auto& l : labels)
        l = rank[static_cast<std::size_t>(l)];
}
} // namespace detail

std::vector<int> connected_components(const SimpleGraph& g) {
    const auto n = g.node_count();
    std::vector<int> label(n, -1);
    std::vector<std::uint32_t> queue;
    int next = 0;
    for (std::uint32_t s = 0; s < n; ++s) {
        if (label[s] >= 0)
            continue;
        queue.assign(1, s);
        label[s] = next;
        for (std::size_t head = 0; head < queue.size(); ++head)
            for (auto w : g.neighbours(queue[head]))
                if (label[w] < 0) {
                    label[w] = next;
                    queue.push_back(w);
                }
        ++next;
    }
    detail::relabel_by_size(label);
    return label;
}

// Batagelj & Zaversnik, "An O(m) algorithm for cores decomposition of networks" (2003):
// vertices bucketed by degree, peeled in increasing order.
std::vector<int> core_numbers(const SimpleGraph& g) {
    const auto n = g.node_count();
    std::vector<int> degree(n);
    int max_degree = 0;
    for (std::uint32_t v = 0; v < n; ++v) {
        degree[v] = static_cast<int>(g.degree(v));
        max_degree = std::max(max_degree, degree[v]);
    }
    std::vector<std::size_t> bin(static_cast<std::size_t>(max_degree) + 1, 0);
    for (auto d : degree)
        ++bin[static_cast<std::size_t>(d)];
    std::size_t start = 0;
    for (auto& b : bin) {
        const auto count = b;
        b = start;
        start += count;
    }
    std::vector<std::uint32_t> vert(n);
    std::vector<std::size_t> pos(n);
    for (std::uint32_t v = 0; v < n; ++v) {
        pos[v] = bin[static_cast<std::size_t>(degree[v])]++;
        vert[pos[v]] = v;
    }
    for (std::size_t d = bin.size() - 1; d > 0; --d)
        bin[d] = bin[d - 1];
    if (!bin.empty())
        bin[0] = 0;
    for (std::size_t i = 0; i < n; ++i) {
        const auto v = vert[i];
        for (auto u : g.neighbours(v)) {
            if (degree[u] > degree[v]) {
                const auto du = static_cast<std::size_t>(degree[u]);
                const auto pu = pos[u];
                const auto pw = bin[du];
                const auto w = vert[pw];
                if (u != w) {
                    pos[u] = pw;
                    vert[pu] = w;
                    pos[w] = pu;
                    vert[pw] = u;
                }
                ++bin[du];
                --degree[u];
            }
        }
    }
    return degree;
}

} // namespace dossier::graph
