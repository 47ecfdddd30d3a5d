#include "dossier/ingest/content_hash.h"

#include <gtest/gtest.h>

using namespace dossier::ingest;

// Reference digests from FIPS 180-2 / `printf abc | sha256sum`.
TEST(ContentHash, Sha256MatchesPublishedTestVectors) {
    EXPECT_EQ(sha256_hex(""), "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    EXPECT_EQ(sha256_hex("abc"),
              "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
}

TEST(ContentHash, DocumentsOfOneFileGetDistinctHashes) {
    const auto file = sha256_hex("volume bytes");
    EXPECT_EQ(document_hash(file, ""), file);
    EXPECT_NE(document_hash(file, "d1"), document_hash(file, "d2"));
    EXPECT_NE(document_hash(file, "d1"), file);
    EXPECT_EQ(document_hash(file, "d1"), document_hash(file, "d1"));
}
