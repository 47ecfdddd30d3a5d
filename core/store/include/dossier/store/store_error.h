#pragma once
#include <stdexcept>
#include <string>

namespace dossier::store {

// Every failure of the project file, with a kind the CLI and GUI can turn into advice.
class StoreError : public std::runtime_error {
public:
    enum class Kind {
        NotAProject,
        NewerSchema,
        ForeignSchema, // schema objects no Dossier migration made (store/schema_audit.h)
        ReadOnly,
        DiskFull,
        Busy,
        CannotOpen,
        Io,
        NotFound,
        Other
    };
    StoreError(Kind kind, const std::string& message) : std::runtime_error(message), kind_(kind) {}
    Kind kind() const { return kind_; }

private:
    Kind kind_;
};

} // namespace dossier::store
