#include "cli_support.h"

#include "dossier/store/store_error.h"

#include <cstdio>
#include <iostream>
#include <unistd.h>

namespace dossier::cli {


void print_error(const std::string& message) { std::cerr << "dossier: " << message << '\n'; }

void print_json(const nlohmann::json& value) {
    std::cout << value.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) << '\n';
}

bool stdout_is_terminal() { return ::isatty(STDOUT_FILENO) == 1; }
bool stderr_is_terminal() { return ::isatty(STDERR_FILENO) == 1; }

store::Project open_project(const std::filesystem::path& path, store::OpenMode mode) {
    try {
        return store::Project::open(path, mode);
    } catch (const store::StoreError& e) {
        print_error(e.what());
        std::exit(kFailure);
    }
}

} // namespace dossier::cli
