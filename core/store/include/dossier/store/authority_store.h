#pragma once
// Authority files (known officials and institutions) as stored in the project, apart from what
// extraction finds, so that every extraction run can link to them.
#include "dossier/model/entity_type.h"
#include "dossier/store/project.h"

#include <optional>
#include <string>
#include <vector>

namespace dossier::store {

struct AuthorityEntry {
    std::string external_id;
    EntityType type = EntityType::Person;
    std::string name;
    std::vector<std::string> aliases;
    std::optional<int> birth_year;
    std::optional<int> death_year;
    std::string note;
    std::string source; // file it came from
};

class AuthorityStore {
public:
    explicit AuthorityStore(Project& project) : project_(project) {}
    // Inserts or replaces by external id. Caller owns the transaction.
    void upsert(const AuthorityEntry& entry);
    std::vector<AuthorityEntry> all();
    std::size_t count();

private:
    Project& project_;
};

} // namespace dossier::store
