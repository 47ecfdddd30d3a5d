#include "dossier/ingest/input_files.h"

#include <algorithm>
#include <fnmatch.h>
#include <system_error>

namespace dossier::ingest {
namespace fs = std::filesystem;
namespace {

bool matches_any(const std::vector<std::string>& globs, const fs::path& relative) {
    const auto name = relative.filename().string();
    const auto rel = relative.generic_string();
    for (const auto& glob : globs)
        if (::fnmatch(glob.c_str(), name.c_str(), 0) == 0 ||
            ::fnmatch(glob.c_str(), rel.c_str(), 0) == 0)
            return true;
    return false;
}

bool is_hidden(const fs::path& p) {
    const auto name = p.filename().string();
    return name.size() > 1 && name[0] == '.';
}

void walk_folder(const fs::path& folder, const std::vector<std::string>& include,
                 const std::vector<std::string>& exclude, InputSelection& out) {
    std::vector<InputFile> found;
    std::error_code ec;
    fs::recursive_directory_iterator it(folder, fs::directory_options::skip_permission_denied, ec);
    if (ec) {
        out.problems.push_back({folder.string(), "cannot list folder: " + ec.message()});
        return;
    }
    for (; it != fs::recursive_directory_iterator(); it.increment(ec)) {
        if (ec) {
            out.problems.push_back({it->path().string(), "cannot list folder: " + ec.message()});
            break;
        }
        const auto& entry = *it;
        const auto relative = entry.path().lexically_relative(folder);
        if (entry.is_directory(ec)) {
            if (is_hidden(entry.path()) || matches_any(exclude, relative))
                it.disable_recursion_pending();
            continue;
        }
        if (!entry.is_regular_file(ec) || is_hidden(entry.path()))
            continue;
        if (!include.empty() && !matches_any(include, relative))
            continue;
        if (matches_any(exclude, relative))
            continue;
        const auto size = entry.file_size(ec);
        if (ec) {
            out.problems.push_back({entry.path().string(), ec.message()});
            continue;
        }
        found.push_back({entry.path(), size});
    }
    std::sort(found.begin(), found.end(),
              [](const InputFile& a, const InputFile& b) { return a.path < b.path; });
    out.files.insert(out.files.end(), found.begin(), found.end());
}

} // namespace

InputSelection select_input_files(const std::vector<fs::path>& inputs,
                                  const std::vector<std::string>& include,
                                  const std::vector<std::string>& exclude) {
    InputSelection selection;
    for (const auto& input : inputs) {
        std::error_code ec;
        const auto status = fs::status(input, ec);
        if (ec || !fs::exists(status)) {
            selection.problems.push_back({input.string(), "no such file or folder"});
        } else if (fs::is_directory(status)) {
            walk_folder(input, include, exclude, selection);
        } else if (!matches_any(exclude, input.filename())) {
            const auto size = fs::file_size(input, ec);
            if (ec)
                selection.problems.push_back({input.string(), ec.message()});
            else
                selection.files.push_back({input, size});
        }
    }
    return selection;
}

} // namespace dossier::ingest
