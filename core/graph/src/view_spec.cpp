#include "dossier/graph/view_spec.h"

#include "dossier/model/date.h"

#include <algorithm>
#include <fstream>
#include <set>
#include <sstream>

namespace dossier::graph {
namespace {

using nlohmann::json;

// A key as the file spells it. JSON lets a key hold a line break or another control character
// ("docum\nts"); such a key is shown escaped, as JSON writes it, so the error stays one line
// (found by fuzz_view_spec).
std::string printable_key(const std::string& key) {
    if (std::none_of(key.begin(), key.end(), [](unsigned char c) { return c < 0x20 || c == 0x7F; }))
        return key;
    const auto quoted = json(key).dump(-1, ' ', false, json::error_handler_t::replace);
    return quoted.substr(1, quoted.size() - 2);
}

[[noreturn]] void fail(const std::string& key, const std::string& why) {
    throw ViewSpecError("view: " + printable_key(key) + ": " + why);
}

std::string shown(const json& value) {
    auto text = value.dump();
    return text.size() > 40 ? text.substr(0, 37) + "..." : text;
}

void expect_object(const json& value, const std::string& key,
                   const std::set<std::string>& allowed) {
    if (!value.is_object())
        fail(key.empty() ? "(top level)" : key, "expected an object, got " + shown(value));
    for (const auto& [name, member] : value.items())
        if (!allowed.contains(name)) {
            std::string list;
            for (const auto& a : allowed)
                list += (list.empty() ? "" : ", ") + a;
            fail(key.empty() ? name : key + "." + name,
                 "unknown key (expected one of: " + list + ")");
        }
}

std::string get_string(const json& value, const std::string& key) {
    if (!value.is_string())
        fail(key, "expected a string, got " + shown(value));
    return value.get<std::string>();
}

double get_number(const json& value, const std::string& key, double min) {
    if (!value.is_number())
        fail(key, "expected a number, got " + shown(value));
    const double x = value.get<double>();
    if (x < min)
        fail(key, "expected a number >= " + std::to_string(static_cast<long long>(min)) + ", got " +
                      shown(value));
    return x;
}

std::int64_t get_integer(const json& value, const std::string& key, std::int64_t min) {
    if (!value.is_number_integer())
        fail(key, "expected a whole number, got " + shown(value));
    const auto x = value.get<std::int64_t>();
    if (x < min)
        fail(key, "expected a whole number >= " + std::to_string(min) + ", got " + shown(value));
    return x;
}

const json& get_array(const json& value, const std::string& key) {
    if (!value.is_array())
        fail(key, "expected a list, got " + shown(value));
    return value;
}

std::string get_date(const json& value, const std::string& key) {
    auto text = get_string(value, key);
    if (!text.empty() && !parse_iso_date(text))
        fail(key, "expected an ISO date (1980, 1980-10 or 1980-10-02), got " + shown(value));
    return text;
}

} // namespace

GraphFilter parse_graph_filter(const json& j) {
    GraphFilter f;
    expect_object(j, "filter",
                  {"entity_types", "relation_types", "min_weight", "min_degree", "date_from",
                   "date_to", "documents", "name", "ego", "hidden", "top", "include_rejected"});
    if (j.contains("entity_types"))
        for (const auto& t : get_array(j["entity_types"], "filter.entity_types")) {
            auto type = parse_entity_type(get_string(t, "filter.entity_types"));
            if (!type)
                fail("filter.entity_types",
                     "unknown entity type " + shown(t) +
                         " (person, organization, country, place, document, date)");
            f.entity_types.push_back(*type);
        }
    if (j.contains("relation_types"))
        for (const auto& t : get_array(j["relation_types"], "filter.relation_types"))
            f.relation_types.push_back(get_string(t, "filter.relation_types"));
    if (j.contains("min_weight"))
        f.min_weight = get_number(j["min_weight"], "filter.min_weight", 0);
    if (j.contains("min_degree"))
        f.min_degree =
            static_cast<std::size_t>(get_integer(j["min_degree"], "filter.min_degree", 0));
    if (j.contains("date_from"))
        f.date_from = get_date(j["date_from"], "filter.date_from");
    if (j.contains("date_to"))
        f.date_to = get_date(j["date_to"], "filter.date_to");
    if (j.contains("documents")) {
        const auto& d = j["documents"];
        expect_object(d, "filter.documents", {"query", "ids"});
        if (d.contains("query"))
            f.document_query = get_string(d["query"], "filter.documents.query");
        if (d.contains("ids"))
            for (const auto& id : get_array(d["ids"], "filter.documents.ids"))
                f.document_ids.emplace_back(get_integer(id, "filter.documents.ids", 1));
    }
    if (j.contains("name"))
        f.name_query = get_string(j["name"], "filter.name");
    if (j.contains("ego")) {
        const auto& e = j["ego"];
        expect_object(e, "filter.ego", {"entities", "names", "hops"});
        if (e.contains("entities"))
            for (const auto& id : get_array(e["entities"], "filter.ego.entities"))
                f.ego_entities.emplace_back(get_integer(id, "filter.ego.entities", 1));
        if (e.contains("names"))
            for (const auto& name : get_array(e["names"], "filter.ego.names"))
                f.ego_names.push_back(get_string(name, "filter.ego.names"));
        if (e.contains("hops"))
            f.ego_hops = static_cast<int>(get_integer(e["hops"], "filter.ego.hops", 0));
    }
    if (j.contains("hidden"))
        for (const auto& id : get_array(j["hidden"], "filter.hidden"))
            f.hidden_entities.emplace_back(get_integer(id, "filter.hidden", 1));
    if (j.contains("top")) {
        const auto& t = j["top"];
        expect_object(t, "filter.top", {"metric", "count"});
        if (t.contains("metric")) {
            f.top_metric = get_string(t["metric"], "filter.top.metric");
            if (!parse_metric(f.top_metric))
                fail("filter.top.metric", "unknown metric " + shown(t["metric"]));
        }
        if (t.contains("count"))
            f.top_n = static_cast<std::size_t>(get_integer(t["count"], "filter.top.count", 0));
        if (f.top_n > 0 && f.top_metric.empty())
            fail("filter.top.metric", "missing (top.count needs a metric)");
    }
    if (j.contains("include_rejected")) {
        if (!j["include_rejected"].is_boolean())
            fail("filter.include_rejected",
                 "expected true or false, got " + shown(j["include_rejected"]));
        f.include_rejected = j["include_rejected"].get<bool>();
    }
    return f;
}

AggregateOptions parse_aggregate_options(const json& j) {
    AggregateOptions a;
    expect_object(
        j, "aggregate",
        {"by", "label_members", "label_metric", "seed", "scope", "unfolded", "min_members"});
    if (j.contains("by")) {
        const auto by = parse_aggregate_by(get_string(j["by"], "aggregate.by"));
        if (!by)
            fail("aggregate.by", "expected \"community\" or \"none\", got " + shown(j["by"]));
        a.by = *by;
    }
    if (j.contains("label_members"))
        a.label_members =
            static_cast<std::size_t>(get_integer(j["label_members"], "aggregate.label_members", 0));
    if (j.contains("label_metric")) {
        const auto metric = parse_metric(get_string(j["label_metric"], "aggregate.label_metric"));
        if (!metric)
            fail("aggregate.label_metric", "unknown metric " + shown(j["label_metric"]));
        a.label_metric = *metric;
    }
    if (j.contains("seed"))
        a.seed = static_cast<std::uint64_t>(get_integer(j["seed"], "aggregate.seed", 0));
    if (j.contains("scope")) {
        const auto scope = parse_aggregate_scope(get_string(j["scope"], "aggregate.scope"));
        if (!scope)
            fail("aggregate.scope", "expected \"view\" or \"project\", got " + shown(j["scope"]));
        a.scope = *scope;
    }
    if (j.contains("unfolded")) {
        for (const auto& c : get_array(j["unfolded"], "aggregate.unfolded"))
            a.unfolded.push_back(static_cast<int>(get_integer(c, "aggregate.unfolded", 0)));
        std::sort(a.unfolded.begin(), a.unfolded.end());
        a.unfolded.erase(std::unique(a.unfolded.begin(), a.unfolded.end()), a.unfolded.end());
    }
    if (j.contains("min_members"))
        a.min_members =
            static_cast<std::size_t>(get_integer(j["min_members"], "aggregate.min_members", 1));
    return a;
}

json to_json(const AggregateOptions& a) {
    json j{{"by", std::string(to_string(a.by))},
           {"label_members", a.label_members},
           {"label_metric", std::string(to_string(a.label_metric))},
           {"seed", a.seed}};
    // The explorer's overview adds these; a figure of the filtered graph does without.
    if (a.scope != AggregateScope::View)
        j["scope"] = std::string(to_string(a.scope));
    if (!a.unfolded.empty())
        j["unfolded"] = a.unfolded;
    if (a.min_members != 1)
        j["min_members"] = a.min_members;
    return j;
}

ViewSpec parse_view_spec(const json& j) {
    expect_object(j, "", {"filter", "aggregate", "metrics", "layout", "style", "export"});
    ViewSpec view;
    if (j.contains("filter"))
        view.filter = parse_graph_filter(j["filter"]);
    if (j.contains("aggregate"))
        view.aggregate = parse_aggregate_options(j["aggregate"]);
    if (j.contains("metrics"))
        for (const auto& m : get_array(j["metrics"], "metrics")) {
            auto metric = parse_metric(get_string(m, "metrics"));
            if (!metric)
                fail("metrics", "unknown metric " + shown(m));
            view.metrics.push_back(*metric);
        }
    // Sections of other modules: kept verbatim, only checked to be objects.
    if (j.contains("layout")) {
        if (!j["layout"].is_object())
            fail("layout", "expected an object, got " + shown(j["layout"]));
        view.layout = j["layout"];
    }
    if (j.contains("style")) {
        if (!j["style"].is_object())
            fail("style", "expected an object, got " + shown(j["style"]));
        view.style = j["style"];
    }
    if (j.contains("export")) {
        if (!j["export"].is_object())
            fail("export", "expected an object, got " + shown(j["export"]));
        view.export_options = j["export"];
    }
    return view;
}

ViewSpec parse_view_spec_text(const std::string& text) {
    // nlohmann parses and frees without recursion, but copying and printing a value recurse once
    // per level: a view file nested deeper than any view needs is refused while it is parsed.
    constexpr int kMaxNesting = 32;
    const json::parser_callback_t bounded = [](int depth, json::parse_event_t event, json&) {
        if ((event == json::parse_event_t::object_start ||
             event == json::parse_event_t::array_start) &&
            depth >= kMaxNesting)
            throw ViewSpecError("view: nested deeper than " + std::to_string(kMaxNesting) +
                                " levels; refusing it");
        return true;
    };
    json j;
    try {
        j = json::parse(text, bounded);
    } catch (const json::parse_error& e) {
        // nlohmann's message names the byte; keep it on one line.
        std::string what = e.what();
        std::replace(what.begin(), what.end(), '\n', ' ');
        throw ViewSpecError("view: not valid JSON: " + what);
    }
    return parse_view_spec(j);
}

ViewSpec load_view_spec(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in)
        throw ViewSpecError("view: cannot read '" + path.string() + "'");
    std::ostringstream text;
    text << in.rdbuf();
    try {
        return parse_view_spec_text(text.str());
    } catch (const ViewSpecError& e) {
        throw ViewSpecError(path.string() + ": " + e.what());
    }
}

json to_json(const GraphFilter& f) {
    json j = json::object();
    if (!f.entity_types.empty()) {
        j["entity_types"] = json::array();
        for (auto t : f.entity_types)
            j["entity_types"].push_back(std::string(to_string(t)));
    }
    if (!f.relation_types.empty())
        j["relation_types"] = f.relation_types;
    if (f.min_weight > 0)
        j["min_weight"] = f.min_weight;
    if (f.min_degree > 0)
        j["min_degree"] = f.min_degree;
    if (!f.date_from.empty())
        j["date_from"] = f.date_from;
    if (!f.date_to.empty())
        j["date_to"] = f.date_to;
    if (!f.document_query.empty() || !f.document_ids.empty()) {
        json d = json::object();
        if (!f.document_query.empty())
            d["query"] = f.document_query;
        if (!f.document_ids.empty()) {
            d["ids"] = json::array();
            for (auto id : f.document_ids)
                d["ids"].push_back(id.value);
        }
        j["documents"] = d;
    }
    if (!f.name_query.empty())
        j["name"] = f.name_query;
    if (f.has_ego()) {
        json e = json::object();
        if (!f.ego_entities.empty()) {
            e["entities"] = json::array();
            for (auto id : f.ego_entities)
                e["entities"].push_back(id.value);
        }
        if (!f.ego_names.empty())
            e["names"] = f.ego_names;
        e["hops"] = f.ego_hops;
        j["ego"] = e;
    }
    if (!f.hidden_entities.empty()) {
        j["hidden"] = json::array();
        for (auto id : f.hidden_entities)
            j["hidden"].push_back(id.value);
    }
    if (f.top_n > 0)
        j["top"] = {{"metric", f.top_metric}, {"count", f.top_n}};
    if (f.include_rejected)
        j["include_rejected"] = true;
    return j;
}

json to_json(const ViewSpec& view) {
    json j = json::object();
    j["filter"] = to_json(view.filter);
    if (view.aggregate != AggregateOptions{})
        j["aggregate"] = to_json(view.aggregate);
    j["metrics"] = json::array();
    for (auto m : view.metrics)
        j["metrics"].push_back(std::string(to_string(m)));
    if (!view.layout.empty())
        j["layout"] = view.layout;
    if (!view.style.empty())
        j["style"] = view.style;
    if (!view.export_options.empty())
        j["export"] = view.export_options;
    return j;
}

void save_view_spec(const ViewSpec& view, const std::filesystem::path& path) {
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    if (!out)
        throw ViewSpecError("view: cannot write '" + path.string() + "'");
    out << to_json(view).dump(2) << '\n';
    if (!out)
        throw ViewSpecError("view: writing '" + path.string() + "' failed");
}

} // namespace dossier::graph
