#include "svg_geometry.h"

#include <QFont>
#include <QFontMetricsF>
#include <QImage>
#include <QString>
#include <QTransform>
#include <cmath>
#include <map>
#include <pugixml.hpp>
#include <sstream>
#include <stdexcept>

namespace dossier::exporting::testing {
namespace {

// What an SVG element inherits from its <g> ancestors.
struct Context {
    QTransform transform;
    std::map<std::string, std::string> attributes; // presentation attributes
};

constexpr const char* kInherited[] = {"font-family", "font-size", "font-weight", "stroke",
                                      "stroke-width"};

QTransform parse_transform(const std::string& text) {
    if (text.rfind("matrix(", 0) != 0)
        return {};
    std::string numbers = text.substr(7);
    for (char& c : numbers)
        if (c == ',' || c == ')')
            c = ' ';
    std::istringstream in(numbers);
    double a = 1, b = 0, c = 0, d = 1, e = 0, f = 0;
    in >> a >> b >> c >> d >> e >> f;
    return QTransform(a, b, c, d, e, f);
}

double length_points(const std::string& value) {
    const double number = std::stod(value);
    if (value.ends_with("mm"))
        return number * 72.0 / 25.4;
    if (value.ends_with("in"))
        return number * 72.0;
    return number; // pt or unitless user units at 72 dpi
}

double scale_of(const QTransform& t) {
    return std::sqrt(std::abs(t.determinant()));
}

// A device at 72 dots per inch, so a font of N points measures N units, as in the SVG.
const QImage& points_device() {
    static QImage device = [] {
        QImage image(1, 1, QImage::Format_ARGB32);
        const int dots_per_meter = static_cast<int>(std::lround(72 / 0.0254));
        image.setDotsPerMeterX(dots_per_meter);
        image.setDotsPerMeterY(dots_per_meter);
        return image;
    }();
    return device;
}

class Reader {
public:
    explicit Reader(SvgGeometry& out, double user_to_points)
        : out_(out), user_to_points_(user_to_points) {}

    void walk(const pugi::xml_node& node, Context context) {
        for (const auto& attribute : kInherited)
            if (const auto value = node.attribute(attribute); !value.empty())
                context.attributes[attribute] = value.value();
        if (const auto t = node.attribute("transform"); !t.empty())
            context.transform = parse_transform(t.value()) * context.transform;
        const std::string name = node.name();
        if (name == "text")
            add_text(node, context);
        else if (name == "ellipse")
            add_ellipse(node, context);
        if (name == "path" || name == "polyline" || name == "polygon" || name == "line" ||
            name == "ellipse" || name == "rect")
            add_stroke(name, context);
        for (const auto& child : node.children())
            if (child.type() == pugi::node_element)
                walk(child, context);
    }

private:
    std::string attribute(const Context& c, const char* name, const std::string& fallback) const {
        const auto found = c.attributes.find(name);
        return found == c.attributes.end() ? fallback : found->second;
    }

    void add_text(const pugi::xml_node& node, const Context& c) {
        std::string text;
        for (const auto& piece : node.select_nodes(".//text()"))
            text += piece.node().value();
        if (text.empty())
            return;
        const double size = std::stod(attribute(c, "font-size", "12"));
        QFont font(QString::fromStdString(attribute(c, "font-family", "DejaVu Sans")));
        font.setPointSizeF(size);
        font.setWeight(std::stoi(attribute(c, "font-weight", "400")) >= 600 ? QFont::Bold
                                                                            : QFont::Normal);
        const QFontMetricsF metrics(font, &points_device());
        const double x = node.attribute("x").as_double();
        const double y = node.attribute("y").as_double(); // the baseline
        const QRectF local(x, y - metrics.ascent(),
                           metrics.horizontalAdvance(QString::fromStdString(text)),
                           metrics.ascent() + metrics.descent());
        const QRectF page = c.transform.mapRect(local);
        out_.texts.push_back(
            {text,
             QRectF(page.x() * user_to_points_, page.y() * user_to_points_,
                    page.width() * user_to_points_, page.height() * user_to_points_),
             size * scale_of(c.transform) * user_to_points_});
    }

    void add_ellipse(const pugi::xml_node& node, const Context& c) {
        const double cx = node.attribute("cx").as_double();
        const double cy = node.attribute("cy").as_double();
        const double rx = node.attribute("rx").as_double();
        const double ry = node.attribute("ry").as_double();
        const QRectF page = c.transform.mapRect(QRectF(cx - rx, cy - ry, 2 * rx, 2 * ry));
        out_.ellipses.push_back(QRectF(page.x() * user_to_points_, page.y() * user_to_points_,
                                       page.width() * user_to_points_,
                                       page.height() * user_to_points_));
    }

    void add_stroke(const std::string& element, const Context& c) {
        if (attribute(c, "stroke", "none") == "none")
            return;
        const double width = std::stod(attribute(c, "stroke-width", "1"));
        out_.strokes.push_back({element, width * scale_of(c.transform) * user_to_points_});
    }

    SvgGeometry& out_;
    double user_to_points_;
};

bool overlap(const QRectF& a, const QRectF& b, double tolerance) {
    const QRectF both = a.intersected(b);
    return both.width() > tolerance && both.height() > tolerance;
}

} // namespace

SvgGeometry read_svg_geometry(const std::filesystem::path& svg) {
    pugi::xml_document document;
    if (!document.load_file(svg.c_str()))
        throw std::runtime_error("not a readable SVG: " + svg.string());
    const auto root = document.document_element();
    SvgGeometry out;
    out.width_points = length_points(root.attribute("width").value());
    out.height_points = length_points(root.attribute("height").value());
    std::istringstream view_box(root.attribute("viewBox").value());
    double vx = 0, vy = 0, vw = 0, vh = 0;
    view_box >> vx >> vy >> vw >> vh;
    if (vw <= 0)
        throw std::runtime_error("the SVG has no viewBox: " + svg.string());
    Reader(out, out.width_points / vw).walk(root, Context{});
    return out;
}

Collisions find_collisions(const SvgGeometry& g, double tolerance) {
    Collisions out;
    auto describe = [&](const std::string& what) {
        if (out.example.empty())
            out.example = what;
    };
    for (std::size_t i = 0; i < g.texts.size(); ++i) {
        for (std::size_t j = i + 1; j < g.texts.size(); ++j)
            if (overlap(g.texts[i].box, g.texts[j].box, tolerance)) {
                ++out.text_over_text;
                describe("\"" + g.texts[i].text + "\" over \"" + g.texts[j].text + "\"");
            }
        for (const auto& ellipse : g.ellipses) {
            // A numbered key drawn inside its own node: wholly within what the ellipse holds.
            const double inset_x = ellipse.width() * (1 - 0.7071) / 2 - tolerance;
            const double inset_y = ellipse.height() * (1 - 0.7071) / 2 - tolerance;
            if (ellipse.adjusted(inset_x, inset_y, -inset_x, -inset_y).contains(g.texts[i].box)) {
                ++out.text_inside_node;
                continue;
            }
            if (overlap(g.texts[i].box, ellipse, tolerance)) {
                ++out.text_over_ellipse;
                describe("\"" + g.texts[i].text + "\" over a node or swatch");
            }
        }
    }
    return out;
}

} // namespace dossier::exporting::testing
