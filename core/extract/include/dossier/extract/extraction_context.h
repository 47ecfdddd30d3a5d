#pragma once
// Everything extraction reads besides the document: the project's gazetteer tables, the
// iso-codes country lists and an optional authority file, compiled once into matchers.
#include "dossier/model/entity_type.h"

#include <filesystem>
#include <memory>
#include <string>
#include <vector>

namespace dossier::extract {

// One authority entry (a known person or institution) as extraction needs it.
struct AuthorityName {
    std::string external_id;
    EntityType type = EntityType::Person;
    std::string name;                 // preferred name, "Surname, Given" or natural order
    std::vector<std::string> aliases; // variants
};

class ExtractionContext {
public:
    // Loads data_dir/gazetteer/*.tsv and the iso-codes JSON files (iso_codes_dir, normally
    // /usr/share/iso-codes/json). Throws std::runtime_error naming the file that failed.
    static ExtractionContext
    load(const std::filesystem::path& data_dir,
         const std::filesystem::path& iso_codes_dir = "/usr/share/iso-codes/json");
    // The data dir compiled in (DOSSIER_DATA_DIR), overridable by the DOSSIER_DATA_DIR variable.
    static std::filesystem::path default_data_dir();

    ExtractionContext(ExtractionContext&&) noexcept;
    ExtractionContext& operator=(ExtractionContext&&) noexcept;
    ~ExtractionContext();

    // Adds authority entries; their names and aliases are matched in the text.
    void add_authority(const std::vector<AuthorityName>& entries);
    std::size_t authority_size() const;

    struct Data; // the compiled tables (gazetteer.h); opaque to callers
    const Data& data() const { return *data_; }

private:
    explicit ExtractionContext(std::unique_ptr<Data> data);
    std::unique_ptr<Data> data_;
};

} // namespace dossier::extract
