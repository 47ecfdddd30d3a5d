#pragma once
// A real, small file system for disk-full tests when the test may mount one (root, a kernel that
// allows tmpfs): writes past its size fail with ENOSPC. mounted() is false otherwise, and the
// test skips (the RLIMIT_FSIZE tests cover write failures without privileges).
#include "child_process.h"

#include <filesystem>
#include <string>
#include <unistd.h>

namespace dossier::testing {

class SmallTmpfs {
public:
    SmallTmpfs(const std::filesystem::path& where, const std::string& size) : where_(where) {
        std::filesystem::create_directories(where_);
        mounted_ = ::geteuid() == 0 && run_program({"/bin/mount", "-t", "tmpfs", "-o",
                                                    "size=" + size, "tmpfs", where_.string()})
                                               .exit_code == 0;
    }
    ~SmallTmpfs() {
        if (mounted_)
            run_program({"/bin/umount", where_.string()});
    }
    SmallTmpfs(const SmallTmpfs&) = delete;
    SmallTmpfs& operator=(const SmallTmpfs&) = delete;
    bool mounted() const { return mounted_; }

private:
    std::filesystem::path where_;
    bool mounted_ = false;
};

} // namespace dossier::testing
