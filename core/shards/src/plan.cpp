#include "dossier/shards/plan.h"

#include "dossier/ingest/content_hash.h"
#include "dossier/store/project.h"
#include "dossier/store/store_error.h"
#include "shard_settings.h"

#include <algorithm>
#include <fstream>
#include <map>
#include <numeric>
#include <sstream>
#include <system_error>

namespace dossier::shards {
namespace fs = std::filesystem;
namespace {

constexpr const char* kMagic = "#dossier-plan";
constexpr int kVersion = 1;

// Paths may hold any byte but NUL: tab, line break and backslash are written escaped.
std::string escaped(const std::string& path) {
    std::string out;
    for (char c : path) {
        if (c == '\\')
            out += "\\\\";
        else if (c == '\t')
            out += "\\t";
        else if (c == '\n')
            out += "\\n";
        else if (c == '\r')
            out += "\\r";
        else
            out += c;
    }
    return out;
}

std::string unescaped(const std::string& field) {
    std::string out;
    for (std::size_t i = 0; i < field.size(); ++i) {
        if (field[i] != '\\' || i + 1 == field.size()) {
            out += field[i];
            continue;
        }
        const char next = field[++i];
        out += next == 't' ? '\t' : next == 'n' ? '\n' : next == 'r' ? '\r' : next;
    }
    return out;
}

std::vector<std::string> split_tabs(const std::string& line) {
    std::vector<std::string> fields;
    std::size_t start = 0;
    for (;;) {
        const auto tab = line.find('\t', start);
        fields.push_back(line.substr(start, tab - start));
        if (tab == std::string::npos)
            return fields;
        start = tab + 1;
    }
}

std::string header_line(const Plan& plan) {
    std::uint64_t bytes = 0;
    for (const auto& row : plan.rows)
        bytes += row.bytes;
    std::ostringstream out;
    out << kMagic << "\tversion=" << kVersion << "\tshards=" << plan.shards
        << "\tfiles=" << plan.rows.size() << "\tbytes=" << bytes
        << "\tformat=" << plan.settings.format << "\tocr=" << plan.settings.ocr
        << "\tocr-lang=" << plan.settings.ocr_lang << "\tmax-size=" << plan.settings.max_file_bytes
        << "\tbase=" << escaped(plan.base.string());
    return out.str();
}

std::uint64_t parse_number(const std::string& text, const std::string& where) {
    if (text.empty() ||
        !std::all_of(text.begin(), text.end(), [](unsigned char c) { return std::isdigit(c); }))
        throw PlanError(where + " : '" + text + "' is not a number");
    try {
        return std::stoull(text);
    } catch (const std::exception&) {
        throw PlanError(where + " : '" + text + "' is out of range");
    }
}

} // namespace

std::vector<unsigned> assign_shards(const std::vector<std::uint64_t>& sizes, unsigned shards) {
    std::vector<unsigned> assigned(sizes.size(), 0);
    if (shards <= 1 || sizes.empty())
        return assigned;
    const auto total = std::accumulate(sizes.begin(), sizes.end(), std::uint64_t{0});
    // Twice the offsets, so a middle byte is a whole number; long double keeps 30 GB exact.
    std::uint64_t before = 0;
    for (std::size_t i = 0; i < sizes.size(); ++i) {
        long double share = 0;
        if (total == 0)
            share = static_cast<long double>(i) / static_cast<long double>(sizes.size());
        else
            share = (2.0L * static_cast<long double>(before) + static_cast<long double>(sizes[i])) /
                    (2.0L * static_cast<long double>(total));
        assigned[i] = std::min(shards - 1, static_cast<unsigned>(share * shards));
        before += sizes[i];
    }
    return assigned;
}

PlanOutcome make_plan(const PlanRequest& request) {
    if (request.shards == 0)
        throw PlanError("--shards : at least 1");
    PlanOutcome outcome;
    auto selection = ingest::select_input_files(request.inputs, request.include, request.exclude);
    outcome.problems = std::move(selection.problems);
    auto& plan = outcome.plan;
    plan.shards = request.shards;
    plan.settings = request.settings;
    plan.base = fs::current_path();
    std::vector<std::uint64_t> sizes;
    for (const auto& file : selection.files)
        sizes.push_back(file.size);
    const auto assigned = assign_shards(sizes, request.shards);
    for (std::size_t i = 0; i < selection.files.size(); ++i)
        plan.rows.push_back({assigned[i], sizes[i], selection.files[i].path.string()});
    return outcome;
}

void write_plan(Plan& plan, const fs::path& run_dir) {
    std::error_code ec;
    fs::create_directories(run_dir, ec);
    if (ec)
        throw PlanError(run_dir.string() + " : cannot create the run folder: " + ec.message());
    std::ostringstream text;
    text << header_line(plan) << '\n' << "#shard\tbytes\tpath\n";
    for (const auto& row : plan.rows)
        text << row.shard << '\t' << row.bytes << '\t' << escaped(row.path) << '\n';
    const auto content = text.str();
    const auto file = run_dir / "plan.tsv";
    const auto temp = partial_file(file);
    {
        std::ofstream out(temp, std::ios::binary | std::ios::trunc);
        out << content;
        out.flush();
        if (!out)
            throw PlanError(temp.string() + " : cannot write the plan");
    }
    fs::rename(temp, file, ec);
    if (ec)
        throw PlanError(file.string() + " : cannot write the plan: " + ec.message());
    plan.fingerprint = ingest::sha256_hex(content);
}

Plan read_plan(const fs::path& plan_file) {
    std::ifstream in(plan_file, std::ios::binary);
    if (!in)
        throw PlanError(plan_file.string() + " : cannot read the plan (no such file?)");
    std::ostringstream whole;
    whole << in.rdbuf();
    const auto content = whole.str();
    Plan plan;
    plan.fingerprint = ingest::sha256_hex(content);
    std::istringstream lines(content);
    std::string line;
    std::size_t number = 0;
    std::map<std::string, std::string> header;
    std::uint64_t declared_files = 0;
    while (std::getline(lines, line)) {
        ++number;
        const auto where = plan_file.string() + " line " + std::to_string(number);
        if (number == 1) {
            const auto fields = split_tabs(line);
            if (fields.empty() || fields[0] != kMagic)
                throw PlanError(plan_file.string() +
                                " : not a Dossier plan (it should start with '#dossier-plan'; "
                                "make one with 'dossier plan')");
            for (std::size_t i = 1; i < fields.size(); ++i) {
                const auto eq = fields[i].find('=');
                if (eq == std::string::npos)
                    throw PlanError(where + " : '" + fields[i] + "' is not key=value");
                header[fields[i].substr(0, eq)] = fields[i].substr(eq + 1);
            }
            for (const char* key :
                 {"version", "shards", "files", "format", "ocr", "ocr-lang", "max-size", "base"})
                if (!header.count(key))
                    throw PlanError(where + " : the header lacks " + key + "=");
            if (parse_number(header["version"], where) != kVersion)
                throw PlanError(where + " : plan version " + header["version"] +
                                " is not the version " + std::to_string(kVersion) +
                                " this Dossier reads");
            const auto shards = parse_number(header["shards"], where);
            if (shards == 0 || shards > 1000000)
                throw PlanError(where + " : shards=" + header["shards"] + " is out of range");
            plan.shards = static_cast<unsigned>(shards);
            declared_files = parse_number(header["files"], where);
            plan.settings.format = header["format"];
            plan.settings.ocr = header["ocr"];
            plan.settings.ocr_lang = header["ocr-lang"];
            plan.settings.max_file_bytes = parse_number(header["max-size"], where);
            plan.base = unescaped(header["base"]);
            continue;
        }
        if (line.empty() || line[0] == '#')
            continue;
        const auto fields = split_tabs(line);
        if (fields.size() != 3)
            throw PlanError(where + " : expected shard, bytes and path separated by tabs");
        PlanRow row;
        const auto shard = parse_number(fields[0], where);
        if (shard >= plan.shards)
            throw PlanError(where + " : shard " + fields[0] + " is out of range (the plan has " +
                            std::to_string(plan.shards) + ")");
        row.shard = static_cast<unsigned>(shard);
        if (!plan.rows.empty() && row.shard < plan.rows.back().shard)
            throw PlanError(where + " : shard " + fields[0] + " after shard " +
                            std::to_string(plan.rows.back().shard) +
                            " (a shard's files are consecutive)");
        row.bytes = parse_number(fields[1], where);
        row.path = unescaped(fields[2]);
        if (row.path.empty())
            throw PlanError(where + " : empty path");
        plan.rows.push_back(std::move(row));
    }
    if (number == 0)
        throw PlanError(plan_file.string() + " : empty file, not a Dossier plan");
    if (plan.rows.size() != declared_files)
        throw PlanError(plan_file.string() + " : the header says files=" +
                        std::to_string(declared_files) + " but the plan lists " +
                        std::to_string(plan.rows.size()) + " (a cut-off or edited plan?)");
    return plan;
}

fs::path shard_file(const fs::path& run_dir, unsigned index) {
    return run_dir / ("shard-" + std::to_string(index) + ".dossier");
}

fs::path partial_file(const fs::path& final_file) {
    return final_file.parent_path() / ("." + final_file.filename().string() + ".partial");
}

std::string shard_problem(const Plan& plan, const fs::path& run_dir, unsigned index) {
    const auto file = shard_file(run_dir, index);
    std::error_code ec;
    if (!fs::exists(file, ec))
        return "missing";
    try {
        auto project = store::Project::open(file, store::OpenMode::ReadOnly);
        if (project.setting(detail::kCompleteSetting) != "1")
            return "incomplete";
        if (project.setting(detail::kPlanSetting) != plan.fingerprint)
            return "made from another plan";
        if (project.setting(detail::kIndexSetting) != std::to_string(index))
            return "holds shard " + project.setting(detail::kIndexSetting);
    } catch (const store::StoreError& e) {
        return std::string("unreadable: ") + e.what();
    }
    return {};
}

std::vector<unsigned> missing_shards(const Plan& plan, const fs::path& run_dir) {
    std::vector<unsigned> missing;
    for (unsigned i = 0; i < plan.shards; ++i)
        if (!shard_problem(plan, run_dir, i).empty())
            missing.push_back(i);
    return missing;
}

fs::path plan_file_of(const fs::path& run_or_plan) {
    std::error_code ec;
    return fs::is_directory(run_or_plan, ec) ? run_or_plan / "plan.tsv" : run_or_plan;
}

} // namespace dossier::shards
