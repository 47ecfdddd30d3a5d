#pragma once
// Authority files as users bring them: CSV or TSV with the columns
//   id, type, name, aliases (separated by |), birth_year, death_year, note
// (a header row naming them is optional; type defaults to person; CSV fields may be quoted).
#include "dossier/store/authority_store.h"

#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace dossier::extract {

struct AuthorityFileError : std::runtime_error {
    using std::runtime_error::runtime_error;
};

// delimiter: ',' or '\t'; 0 guesses from the first line. Throws AuthorityFileError naming the
// line that is wrong ("line 12: no name").
std::vector<store::AuthorityEntry> read_authority_table(std::string_view bytes, char delimiter = 0,
                                                        const std::string& source = {});

} // namespace dossier::extract
