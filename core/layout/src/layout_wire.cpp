#include "layout_wire.h"

#include <charconv>
#include <stdexcept>

namespace dossier::layout::detail {
namespace {

constexpr std::string_view kRequestMagic = "dossier-layout-request 1";
constexpr std::string_view kResultMagic = "dossier-layout-result 1";
constexpr std::string_view kPluginsMagic = "dossier-layout-plugins 1";

class Writer {
public:
    Writer& word(std::string_view text) {
        separate();
        out_ += text;
        return *this;
    }
    Writer& number(double value) {
        separate();
        char buffer[32];
        const auto [end, ec] = std::to_chars(buffer, buffer + sizeof buffer, value);
        out_.append(buffer, end);
        return *this;
    }
    Writer& count(std::size_t value) {
        separate();
        out_ += std::to_string(value);
        return *this;
    }
    Writer& text(std::string_view value) {
        separate();
        out_ += std::to_string(value.size());
        out_ += ':';
        out_ += value;
        return *this;
    }
    Writer& line() {
        out_ += '\n';
        at_line_start_ = true;
        return *this;
    }
    std::string take() { return std::move(out_); }

private:
    void separate() {
        if (!at_line_start_)
            out_ += ' ';
        at_line_start_ = false;
    }
    std::string out_;
    bool at_line_start_ = true;
};

class Reader {
public:
    explicit Reader(std::string_view in) : in_(in) {}

    void expect(std::string_view literal) {
        skip_space();
        if (in_.substr(at_, literal.size()) != literal)
            fail("expected '" + std::string(literal) + "'");
        at_ += literal.size();
    }
    double number() {
        skip_space();
        double value = 0;
        const auto [end, ec] = std::from_chars(in_.data() + at_, in_.data() + in_.size(), value);
        if (ec != std::errc())
            fail("expected a number");
        at_ = static_cast<std::size_t>(end - in_.data());
        return value;
    }
    std::size_t count() {
        skip_space();
        std::size_t value = 0;
        const auto [end, ec] = std::from_chars(in_.data() + at_, in_.data() + in_.size(), value);
        if (ec != std::errc())
            fail("expected a count");
        at_ = static_cast<std::size_t>(end - in_.data());
        return value;
    }
    std::string text() {
        const std::size_t size = count();
        if (at_ >= in_.size() || in_[at_] != ':' || in_.size() - at_ - 1 < size)
            fail("expected a string");
        std::string value(in_.substr(at_ + 1, size));
        at_ += 1 + size;
        return value;
    }
    std::string word() {
        skip_space();
        const std::size_t start = at_;
        while (at_ < in_.size() && in_[at_] != ' ' && in_[at_] != '\n')
            ++at_;
        return std::string(in_.substr(start, at_ - start));
    }
    // A count read from the input, refused when the rest of the input cannot hold that many items
    // of at least `min_bytes` each: a corrupt count must not make us reserve gigabytes.
    std::size_t bounded_count(std::size_t min_bytes) {
        const std::size_t n = count();
        if (n > (in_.size() - at_) / min_bytes + 1)
            fail("count larger than the data");
        return n;
    }

private:
    void skip_space() {
        while (at_ < in_.size() && (in_[at_] == ' ' || in_[at_] == '\n'))
            ++at_;
    }
    [[noreturn]] void fail(const std::string& what) const {
        throw std::runtime_error("layout worker data: " + what + " at byte " + std::to_string(at_));
    }
    std::string_view in_;
    std::size_t at_ = 0;
};

void write_point(Writer& w, const std::optional<Point>& point) {
    if (point)
        w.count(1).number(point->x).number(point->y);
    else
        w.count(0);
}

std::optional<Point> read_point(Reader& r) {
    if (r.count() == 0)
        return std::nullopt;
    const double x = r.number();
    return Point{x, r.number()};
}

} // namespace

std::string serialise_request(const LayoutRequest& request) {
    Writer w;
    const LayoutOptions& o = request.options;
    w.word(kRequestMagic).line();
    w.word("options")
        .word(to_string(o.engine))
        .count(o.seed)
        .text(o.overlap)
        .text(o.splines)
        .text(o.rankdir)
        .number(o.nodesep)
        .line();
    w.word("nodes").count(request.nodes.size()).line();
    for (const auto& node : request.nodes) {
        w.number(node.width).number(node.height);
        write_point(w, node.pinned);
        write_point(w, node.start);
        w.line();
    }
    w.word("edges").count(request.edges.size()).line();
    for (const auto& edge : request.edges)
        w.count(edge.source).count(edge.target).number(edge.weight).line();
    w.word("end").line();
    return w.take();
}

LayoutRequest parse_request(std::string_view text) {
    Reader r(text);
    LayoutRequest request;
    r.expect(kRequestMagic);
    r.expect("options");
    const std::string engine = r.word();
    const auto parsed = parse_engine(engine);
    if (!parsed)
        throw std::runtime_error("layout worker data: unknown engine '" + engine + "'");
    LayoutOptions& o = request.options;
    o.engine = *parsed;
    o.seed = static_cast<std::uint32_t>(r.count());
    o.overlap = r.text();
    o.splines = r.text();
    o.rankdir = r.text();
    o.nodesep = r.number();
    r.expect("nodes");
    request.nodes.resize(r.bounded_count(4));
    for (auto& node : request.nodes) {
        node.width = r.number();
        node.height = r.number();
        node.pinned = read_point(r);
        node.start = read_point(r);
    }
    r.expect("edges");
    request.edges.resize(r.bounded_count(4));
    for (auto& edge : request.edges) {
        edge.source = r.count();
        edge.target = r.count();
        edge.weight = r.number();
    }
    r.expect("end");
    return request;
}

std::string serialise_result(const LayoutResult& result) {
    Writer w;
    w.word(kResultMagic).line();
    w.word("ok").count(result.ok ? 1 : 0).text(result.error).number(result.seconds).line();
    w.word("messages").count(result.messages.size()).line();
    for (const auto& message : result.messages)
        w.text(message).line();
    const BoundingBox& box = result.bounding_box;
    w.word("box")
        .number(box.lower_left.x)
        .number(box.lower_left.y)
        .number(box.upper_right.x)
        .number(box.upper_right.y)
        .line();
    w.word("nodes").count(result.nodes.size()).line();
    for (const auto& node : result.nodes)
        w.number(node.center.x).number(node.center.y).number(node.width).number(node.height).line();
    w.word("edges").count(result.edges.size()).line();
    for (const auto& edge : result.edges) {
        w.count(edge.source).count(edge.target).count(edge.points.size());
        for (const auto& p : edge.points)
            w.number(p.x).number(p.y);
        w.line();
    }
    w.word("end").line();
    return w.take();
}

LayoutResult parse_result(std::string_view text) {
    Reader r(text);
    LayoutResult result;
    r.expect(kResultMagic);
    r.expect("ok");
    result.ok = r.count() != 0;
    result.error = r.text();
    result.seconds = r.number();
    r.expect("messages");
    result.messages.resize(r.bounded_count(2));
    for (auto& message : result.messages)
        message = r.text();
    r.expect("box");
    BoundingBox& box = result.bounding_box;
    box.lower_left.x = r.number();
    box.lower_left.y = r.number();
    box.upper_right.x = r.number();
    box.upper_right.y = r.number();
    r.expect("nodes");
    result.nodes.resize(r.bounded_count(8));
    for (auto& node : result.nodes) {
        node.center.x = r.number();
        node.center.y = r.number();
        node.width = r.number();
        node.height = r.number();
    }
    r.expect("edges");
    result.edges.resize(r.bounded_count(6));
    for (auto& edge : result.edges) {
        edge.source = r.count();
        edge.target = r.count();
        edge.points.resize(r.bounded_count(4));
        for (auto& p : edge.points) {
            p.x = r.number();
            p.y = r.number();
        }
    }
    r.expect("end");
    return result;
}

std::string serialise_plugins(const PluginCheck& check) {
    Writer w;
    w.word(kPluginsMagic).line();
    w.count(check.ok ? 1 : 0).text(check.message).count(check.available.size());
    for (const auto& name : check.available)
        w.text(name);
    w.line().word("end").line();
    return w.take();
}

PluginCheck parse_plugins(std::string_view text) {
    Reader r(text);
    PluginCheck check;
    r.expect(kPluginsMagic);
    check.ok = r.count() != 0;
    check.message = r.text();
    check.available.resize(r.bounded_count(2));
    for (auto& name : check.available)
        name = r.text();
    r.expect("end");
    return check;
}

} // namespace dossier::layout::detail
