#pragma once
// What a shard file records beside its documents and first reads, in the project's settings: the
// plan it was made from and what the merge needs of its first reads.
namespace dossier::shards::detail {

inline constexpr const char* kPlanSetting = "shard.plan";   // the plan's fingerprint
inline constexpr const char* kIndexSetting = "shard.index"; // its index in the plan
// One line per document read, in id order: the document's id, then the surnames of its own
// persons, tab-separated (finish_stored_first_reads needs them).
inline constexpr const char* kSurnamesSetting = "shard.surnames";
// The ids of documents without a title when imported, space-separated (the full-text index
// holds the title a document had then).
inline constexpr const char* kUntitledSetting = "shard.untitled";
// Written last: the shard is complete.
inline constexpr const char* kCompleteSetting = "shard.complete";

} // namespace dossier::shards::detail
