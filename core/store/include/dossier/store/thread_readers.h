#pragma once
// Read-only connections to one project file, one per thread that asks: worker threads read
// documents while the one writer (its own connection) commits. In WAL mode they see what was
// committed when their read began, never the writer's open transaction.
#include "dossier/store/project.h"

#include <filesystem>
#include <map>
#include <memory>
#include <mutex>
#include <thread>

namespace dossier::store {

class ThreadReaders {
public:
    explicit ThreadReaders(std::filesystem::path path) : path_(std::move(path)) {}
    // This thread's connection, opened on first use.
    Project& here();

private:
    std::filesystem::path path_;
    std::mutex mutex_;
    std::map<std::thread::id, std::unique_ptr<Project>> readers_;
};

} // namespace dossier::store
