// The typed index of index.h: two kinds of position do not convert into each other or from a
// plain int, none() is the default and is not valid, and an index orders, hashes and subscripts
// its own IndexedVector like the integer it holds.
#include "dossier/model/index.h"

#include <gtest/gtest.h>
#include <map>
#include <type_traits>
#include <unordered_set>

using namespace dossier;

namespace {

using TokenIndex = Index<struct TokenTag>;
using MentionIndex = Index<struct MentionTag, std::size_t>;

// Compile-time: no way from one kind to the other, nor from a bare integer without saying so.
static_assert(!std::is_convertible_v<TokenIndex, MentionIndex>);
static_assert(!std::is_constructible_v<MentionIndex, TokenIndex>);
static_assert(!std::is_convertible_v<int, TokenIndex>);
static_assert(!std::is_convertible_v<TokenIndex, int>);
static_assert(std::is_constructible_v<TokenIndex, int>);
static_assert(!std::is_invocable_v<std::equal_to<>, TokenIndex, int>);
// Subscripting an IndexedVector takes its own kind only.
template <class V, class I>
concept Subscriptable = requires(const V& v, I i) {
    v[i];
};
static_assert(Subscriptable<IndexedVector<TokenIndex, char>, TokenIndex>);
static_assert(!Subscriptable<IndexedVector<TokenIndex, char>, MentionIndex>);
static_assert(!Subscriptable<IndexedVector<TokenIndex, char>, int>);
// Zero cost: the size of the integer, trivially copyable.
static_assert(sizeof(TokenIndex) == sizeof(int));
static_assert(sizeof(MentionIndex) == sizeof(std::size_t));
static_assert(std::is_trivially_copyable_v<TokenIndex>);
static_assert(TokenIndex{3}.next() == TokenIndex{4});

} // namespace

TEST(Index, TheDefaultIsNoneAndNotValidForSignedAndUnsigned) {
    EXPECT_EQ(TokenIndex{}, TokenIndex::none());
    EXPECT_FALSE(TokenIndex{}.valid());
    EXPECT_EQ(TokenIndex{}.value(), -1);
    EXPECT_FALSE(MentionIndex{}.valid());
    EXPECT_TRUE(TokenIndex{0}.valid());
    EXPECT_TRUE(MentionIndex{0}.valid());
    EXPECT_EQ(MentionIndex{7}.slot(), 7U);
}

TEST(Index, OrdersAndHashesLikeItsInteger) {
    const std::map<TokenIndex, char> ordered{
        {TokenIndex{2}, 'c'}, {TokenIndex{0}, 'a'}, {TokenIndex{1}, 'b'}};
    std::string in_order;
    for (const auto& [index, letter] : ordered)
        in_order += letter;
    EXPECT_EQ(in_order, "abc");

    std::unordered_set<MentionIndex> seen;
    for (std::size_t i : {4U, 1U, 4U, 9U, 1U})
        seen.insert(MentionIndex{i});
    EXPECT_EQ(seen.size(), 3U);
    EXPECT_TRUE(seen.contains(MentionIndex{9}));
    EXPECT_FALSE(seen.contains(MentionIndex{2}));
    EXPECT_EQ(std::hash<MentionIndex>{}(MentionIndex{9}), std::hash<std::size_t>{}(9));
}

TEST(IndexedVector, SubscriptsAndBoundsByItsOwnIndex) {
    IndexedVector<TokenIndex, int> lengths(3, 0);
    for (TokenIndex t{0}; t != lengths.end_index(); t = t.next())
        lengths[t] = 10 * (t.value() + 1);
    EXPECT_EQ(lengths[TokenIndex{2}], 30);
    EXPECT_TRUE(lengths.contains(TokenIndex{2}));
    EXPECT_FALSE(lengths.contains(TokenIndex{3}));
    EXPECT_FALSE(lengths.contains(TokenIndex::none()));
    lengths.push_back(40);
    EXPECT_EQ(lengths.size(), 4U);
    EXPECT_EQ(lengths.end_index(), TokenIndex{4});
}
