#pragma once
// Typed in-memory indices: a position in one array cannot be passed for a position in another.
// ids.h types the store's row ids; this types the plain positions code keeps while it works (a
// token in a sentence, a mention of that sentence, a community of the explorer's graph), where
// two kinds meet in one function and a swapped pair of ints would still compile. Zero cost: one
// integer, everything constexpr. IndexedVector is a vector that only takes its own index kind.
#include <compare>
#include <concepts>
#include <cstddef>
#include <functional>
#include <type_traits>
#include <vector>

namespace dossier {

template <class Tag, std::integral Rep = int> class Index {
public:
    using rep = Rep;
    // The default is none(): no position (-1, or the largest value of an unsigned Rep).
    constexpr Index() = default;
    constexpr explicit Index(Rep value) : value_(value) {}
    static constexpr Index none() { return Index{}; }

    constexpr Rep value() const { return value_; }
    constexpr bool valid() const {
        if constexpr (std::is_signed_v<Rep>)
            return value_ >= 0;
        else
            return value_ != static_cast<Rep>(-1);
    }
    // The position as a subscript of a plain container; valid() must hold.
    constexpr std::size_t slot() const { return static_cast<std::size_t>(value_); }
    constexpr Index next() const { return Index{static_cast<Rep>(value_ + 1)}; }

    constexpr auto operator<=>(const Index&) const = default;

private:
    Rep value_ = static_cast<Rep>(-1);
};

// A std::vector subscripted by one kind of Index only (iteration and size as std::vector's).
template <class I, class T> class IndexedVector {
public:
    IndexedVector() = default;
    IndexedVector(std::size_t size, const T& value) : items_(size, value) {}

    T& operator[](I i) { return items_[i.slot()]; }
    const T& operator[](I i) const { return items_[i.slot()]; }
    // Whether `i` is a position of this vector (false for none()).
    bool contains(I i) const { return i.valid() && i.slot() < items_.size(); }
    I end_index() const { return I{static_cast<typename I::rep>(items_.size())}; }

    std::size_t size() const { return items_.size(); }
    bool empty() const { return items_.empty(); }
    void clear() { items_.clear(); }
    void assign(std::size_t size, const T& value) { items_.assign(size, value); }
    void push_back(const T& value) { items_.push_back(value); }
    auto begin() { return items_.begin(); }
    auto end() { return items_.end(); }
    auto begin() const { return items_.begin(); }
    auto end() const { return items_.end(); }

    bool operator==(const IndexedVector&) const = default;

private:
    std::vector<T> items_;
};

} // namespace dossier

template <class Tag, class Rep> struct std::hash<dossier::Index<Tag, Rep>> {
    std::size_t operator()(const dossier::Index<Tag, Rep>& i) const noexcept {
        return std::hash<Rep>{}(i.value());
    }
};
