#include "figure_export.h"

#include "graph_painter.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QPageSize>
#include <QPdfWriter>
#include <QSaveFile>
#include <QSvgGenerator>
#include <set>

namespace dossier::gui {
namespace {

constexpr double kPointsPerMm = 72.0 / 25.4;

GraphStyle figure_style(const FigureOptions& options) {
    GraphStyle style; // print colours: white page, black text, whatever the screen's palette
    style.color_by = options.color_by;
    style.size_by = options.size_by;
    style.grayscale = options.grayscale;
    style.edge = QColor(0, 0, 0, 90);
    style.max_labels = 2000;
    style.label_font = QFont(QStringLiteral("DejaVu Sans"));
    style.label_font.setPixelSize(7); // one pixel is one point on the page
    return style;
}

// Draws the page in points: title on top, legend at the right, the graph fitted in between.
void draw_page(QPainter& p, const ExplorerState& state, const FigureOptions& options, QSizeF page) {
    p.fillRect(QRectF(QPointF(0, 0), page), Qt::white);
    GraphPainter painter;
    painter.set_style(figure_style(options));
    painter.set_graph(state.graph().get(), &state.visible());
    QRectF area(QPointF(6, 6), page - QSizeF(12, 12));
    QFont font(QStringLiteral("DejaVu Sans"));
    if (!options.title.isEmpty()) {
        font.setPixelSize(11);
        p.setFont(font);
        p.setPen(Qt::black);
        const QRectF title(area.left(), area.top(), area.width(), 16);
        p.drawText(title, Qt::AlignHCenter | Qt::AlignTop, options.title);
        area.setTop(title.bottom() + 4);
    }
    if (options.legend) {
        // The types (or communities) present in the drawn graph.
        std::set<int> keys;
        const auto& graph = *state.graph();
        for (std::size_t i = 0; i < graph.nodes.size(); ++i)
            if (state.visible().node_visible[i])
                keys.insert(options.color_by == ColorBy::Type
                                ? static_cast<int>(graph.nodes[i].type)
                                : graph.nodes[i].community);
        font.setPixelSize(7);
        p.setFont(font);
        const double legend_width = 80;
        double y = area.top();
        for (int key : keys) {
            QColor c = options.color_by == ColorBy::Type ? type_color(static_cast<EntityType>(key))
                                                         : community_color(key);
            if (options.grayscale)
                c = QColor(qGray(c.rgb()), qGray(c.rgb()), qGray(c.rgb()));
            const QString label = options.color_by == ColorBy::Type
                                      ? to_display_string(static_cast<EntityType>(key))
                                      : QObject::tr("Community %1").arg(key);
            p.setPen(Qt::NoPen);
            p.setBrush(c);
            p.drawEllipse(QRectF(area.right() - legend_width, y + 1, 7, 7));
            p.setPen(Qt::black);
            p.drawText(QRectF(area.right() - legend_width + 10, y, legend_width - 10, 10),
                       Qt::AlignLeft, label);
            y += 11;
        }
        area.setRight(area.right() - legend_width - 6);
    }
    const QRectF bounds = painter.visible_bounds();
    if (bounds.isNull())
        return;
    p.save();
    p.setClipRect(area);
    const auto t = ViewTransform::fit(bounds, area, 4);
    painter.paint_edges(p, t, area);
    painter.paint_nodes(p, t, area);
    painter.paint_labels(p, t, area);
    p.restore();
}

QSizeF page_points(const FigureOptions& o) {
    return {o.width_mm * kPointsPerMm, o.height_mm * kPointsPerMm};
}

} // namespace

QString write_figure(const ExplorerState& state, const FigureOptions& options,
                     const QString& path) {
    const QSizeF page = page_points(options);
    if (page.width() < 10 || page.height() < 10)
        return QObject::tr("the figure is too small (%1 × %2 mm)")
            .arg(options.width_mm)
            .arg(options.height_mm);
    if (options.format == QLatin1String("svg")) {
        QSvgGenerator svg;
        svg.setFileName(path);
        svg.setResolution(72); // one SVG unit per point
        svg.setSize(page.toSize());
        svg.setViewBox(QRectF(QPointF(0, 0), page));
        svg.setTitle(options.title.isEmpty() ? QStringLiteral("Dossier graph") : options.title);
        QPainter p;
        if (!p.begin(&svg))
            return QObject::tr("cannot write %1").arg(path);
        draw_page(p, state, options, page);
        p.end();
        return QFile::exists(path) ? QString() : QObject::tr("cannot write %1").arg(path);
    }
    if (options.format == QLatin1String("pdf")) {
        QPdfWriter pdf(path);
        pdf.setPageSize(
            QPageSize(QSizeF(options.width_mm, options.height_mm), QPageSize::Millimeter));
        pdf.setPageMargins(QMarginsF(0, 0, 0, 0));
        pdf.setResolution(1200);
        pdf.setTitle(options.title);
        QPainter p;
        if (!p.begin(&pdf))
            return QObject::tr("cannot write %1").arg(path);
        p.scale(1200.0 / 72.0, 1200.0 / 72.0);
        draw_page(p, state, options, page);
        p.end();
        return {};
    }
    if (options.format == QLatin1String("png")) {
        const double scale = options.dpi / 72.0;
        const QSize pixels(qRound(page.width() * scale), qRound(page.height() * scale));
        if (pixels.width() > 30000 || pixels.height() > 30000)
            return QObject::tr("%1 × %2 pixels is too large; lower the DPI or the size")
                .arg(pixels.width())
                .arg(pixels.height());
        QImage image(pixels, QImage::Format_ARGB32_Premultiplied);
        image.setDotsPerMeterX(qRound(options.dpi / 0.0254));
        image.setDotsPerMeterY(qRound(options.dpi / 0.0254));
        QPainter p(&image);
        p.setRenderHint(QPainter::Antialiasing);
        p.scale(scale, scale);
        draw_page(p, state, options, page);
        p.end();
        return image.save(path, "PNG") ? QString() : QObject::tr("cannot write %1").arg(path);
    }
    return QObject::tr("unknown figure format “%1” (svg, pdf or png)").arg(options.format);
}

QImage preview_figure(const ExplorerState& state, const FigureOptions& options, QSize pixels) {
    const QSizeF page = page_points(options);
    QImage image(pixels, QImage::Format_ARGB32_Premultiplied);
    image.fill(Qt::transparent);
    const double scale = std::min(pixels.width() / page.width(), pixels.height() / page.height());
    QPainter p(&image);
    p.setRenderHint(QPainter::Antialiasing);
    p.translate((pixels.width() - page.width() * scale) / 2,
                (pixels.height() - page.height() * scale) / 2);
    p.scale(scale, scale);
    draw_page(p, state, options, page);
    return image;
}

QByteArray view_json(const ExplorerState& state, const FigureOptions& options) {
    const auto& filter = state.filter();
    QJsonObject f;
    QJsonArray types;
    for (auto type : {EntityType::Person, EntityType::Organization, EntityType::Country,
                      EntityType::Place, EntityType::Document, EntityType::Date})
        if (!filter.hidden_types.contains(type))
            types.append(QString::fromUtf8(std::string(to_string(type)).c_str()));
    if (!filter.hidden_types.isEmpty())
        f[QStringLiteral("entity_types")] = types;
    if (!filter.hidden_relations.isEmpty()) {
        QSet<QString> all;
        for (const auto& edge : state.graph()->edges)
            all.insert(edge.type);
        QStringList kept;
        for (const auto& t : all)
            if (!filter.hidden_relations.contains(t))
                kept << t;
        kept.sort();
        f[QStringLiteral("relation_types")] = QJsonArray::fromStringList(kept);
    }
    if (filter.min_weight > 0)
        f[QStringLiteral("min_weight")] = filter.min_weight;
    if (filter.min_degree > 0)
        f[QStringLiteral("min_degree")] = filter.min_degree;
    auto iso_month = [](MonthIndex m) {
        return QStringLiteral("%1-%2").arg(m / 12).arg(m % 12 + 1, 2, 10, QLatin1Char('0'));
    };
    if (filter.from_month)
        f[QStringLiteral("date_from")] = iso_month(filter.from_month);
    if (filter.to_month)
        f[QStringLiteral("date_to")] = iso_month(filter.to_month);

    QJsonObject style{{QStringLiteral("color_by"), options.color_by == ColorBy::Type
                                                       ? QStringLiteral("type")
                                                       : QStringLiteral("community")},
                      {QStringLiteral("size_by"), to_display_string(options.size_by).toLower()},
                      {QStringLiteral("palette"), options.grayscale ? QStringLiteral("grayscale")
                                                                    : QStringLiteral("okabe-ito")},
                      {QStringLiteral("legend"), options.legend}};
    if (!options.title.isEmpty())
        style[QStringLiteral("title")] = options.title;
    QJsonObject layout{{QStringLiteral("seed"), static_cast<qint64>(options.seed)}};
    if (!options.engine.isEmpty())
        layout[QStringLiteral("engine")] = options.engine;
    QJsonObject exported{{QStringLiteral("format"), options.format},
                         {QStringLiteral("width"), QStringLiteral("%1mm").arg(options.width_mm)},
                         {QStringLiteral("height"), QStringLiteral("%1mm").arg(options.height_mm)},
                         {QStringLiteral("dpi"), options.dpi}};
    if (!options.evidence_csv.isEmpty())
        exported[QStringLiteral("evidence")] = options.evidence_csv;
    QJsonObject root{{QStringLiteral("filter"), f},
                     {QStringLiteral("metrics"),
                      QJsonArray{QStringLiteral("degree"), QStringLiteral("betweenness"),
                                 QStringLiteral("pagerank"), QStringLiteral("community")}},
                     {QStringLiteral("layout"), layout},
                     {QStringLiteral("style"), style},
                     {QStringLiteral("export"), exported}};
    return QJsonDocument(root).toJson(QJsonDocument::Indented);
}

QString write_view_file(const ExplorerState& state, const FigureOptions& options,
                        const QString& path) {
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return QObject::tr("cannot write %1: %2").arg(path, file.errorString());
    file.write(view_json(state, options));
    return file.commit() ? QString()
                         : QObject::tr("cannot write %1: %2").arg(path, file.errorString());
}

} // namespace dossier::gui
