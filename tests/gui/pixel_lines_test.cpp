// The screen's fast edge drawing (core/render pixel_lines.h) puts the same lines where QPainter's
// aliased stroker puts them, as wide as asked, dashed when asked, and never writes outside the
// image however far a line reaches past it.
#include "dossier/render/pixel_lines.h"

#include <QImage>
#include <QPainter>
#include <QTest>
#include <cmath>

using namespace dossier;
using namespace dossier::render;

namespace {

constexpr QRgb kInk = 0xff204080u;

QImage blank(QSize size = {200, 120}) {
    QImage image(size, QImage::Format_ARGB32_Premultiplied);
    image.fill(Qt::white);
    return image;
}

int inked(const QImage& image) {
    int n = 0;
    for (int y = 0; y < image.height(); ++y)
        for (int x = 0; x < image.width(); ++x)
            n += image.pixel(x, y) == kInk;
    return n;
}

// Pixels inked in `a` that `b` has nowhere within `tolerance` pixels.
int strays(const QImage& a, const QImage& b, int tolerance) {
    int n = 0;
    for (int y = 0; y < a.height(); ++y)
        for (int x = 0; x < a.width(); ++x) {
            if (a.pixel(x, y) != kInk)
                continue;
            bool near = false;
            for (int dy = -tolerance; dy <= tolerance && !near; ++dy)
                for (int dx = -tolerance; dx <= tolerance && !near; ++dx) {
                    const QPoint q(x + dx, y + dy);
                    near = b.rect().contains(q) && b.pixel(q) == kInk;
                }
            n += !near;
        }
    return n;
}

} // namespace

class PixelLinesTest : public QObject {
    Q_OBJECT
private slots:
    void one_pixel_lines_cover_what_qpainters_aliased_lines_cover() {
        const std::vector<QLineF> lines{{10.5, 10.5, 190.5, 10.5}, {20.5, 5.5, 20.5, 110.5},
                                        {30, 20, 180, 100},        {180, 20, 40, 110},
                                        {100, 60, 101, 115},       {5, 115, 195, 111}};
        QImage ours = blank();
        {
            QPainter p(&ours);
            QVERIFY(can_draw_pixel_lines(p));
            draw_pixel_lines(p, lines.data(), static_cast<int>(lines.size()), kInk, 1,
                             EdgeStroke::Solid);
        }
        QImage qts = blank();
        {
            QPainter p(&qts);
            p.setPen(QPen(QColor::fromRgba(kInk), 0));
            p.drawLines(lines.data(), static_cast<int>(lines.size()));
        }
        // The same pixels up to rounding: every pixel of one has a pixel of the other next to it,
        // and the counts agree within a pixel per line end.
        QCOMPARE(strays(ours, qts, 1), 0);
        QCOMPARE(strays(qts, ours, 1), 0);
        QVERIFY(std::abs(inked(ours) - inked(qts)) <= 2 * static_cast<int>(lines.size()));
    }

    void a_wide_line_is_that_many_pixels_across() {
        for (int width : {2, 3}) {
            QImage image = blank();
            QPainter p(&image);
            const QLineF shallow(10.5, 40.5, 190.5, 50.5);
            const QLineF steep(100.5, 5.5, 110.5, 115.5);
            draw_pixel_lines(p, &shallow, 1, kInk, width, EdgeStroke::Solid);
            draw_pixel_lines(p, &steep, 1, kInk, width, EdgeStroke::Solid);
            p.end();
            int column = 0; // across the shallow line at x = 50
            for (int y = 0; y < image.height(); ++y)
                column += image.pixel(50, y) == kInk;
            int row = 0; // across the steep line at y = 90
            for (int x = 0; x < image.width(); ++x)
                row += image.pixel(x, 90) == kInk;
            QCOMPARE(column, width);
            QCOMPARE(row, width);
        }
    }

    void dashed_and_dotted_lines_leave_gaps_solid_ones_none() {
        const QLineF line(10.5, 60.5, 190.5, 60.5); // 181 pixels
        int solid = 0;
        for (auto stroke :
             {EdgeStroke::Solid, EdgeStroke::Dashed, EdgeStroke::Dotted, EdgeStroke::DashDotted}) {
            QImage image = blank();
            QPainter p(&image);
            draw_pixel_lines(p, &line, 1, kInk, 1, stroke);
            p.end();
            const int n = inked(image);
            if (stroke == EdgeStroke::Solid) {
                solid = n;
                QCOMPARE(n, 181);
            } else {
                QVERIFY2(n > 0 && n < solid, "a patterned line should be partly drawn");
            }
            if (stroke == EdgeStroke::Dotted) // one on, two off
                QVERIFY(std::abs(n - solid / 3) <= 1);
        }
    }

    void lines_reaching_far_outside_are_clipped_to_the_image() {
        QImage image = blank();
        const QImage before = image;
        QPainter p(&image);
        const std::vector<QLineF> lines{{-1e6, -1e6, 1e6, 1e6},
                                        {-500, 60.5, 900, 60.5},
                                        {-50, -50, -10, -10},
                                        {300, 10, 400, 110}};
        draw_pixel_lines(p, lines.data(), static_cast<int>(lines.size()), kInk, 3,
                         EdgeStroke::Dashed);
        p.end();
        QVERIFY(inked(image) > 0);
        // The horizontal line spans the image's whole width.
        int row = 0;
        for (int x = 0; x < image.width(); ++x)
            row += image.pixel(x, 60) == kInk;
        QVERIFY(row > image.width() / 2);
        QCOMPARE(image.size(), before.size());
    }

    void a_clipped_or_shared_image_is_left_to_qpainter() {
        QImage image = blank();
        {
            QPainter p(&image);
            p.setClipRect(QRect(0, 0, 50, 50));
            QVERIFY(!can_draw_pixel_lines(p));
        }
        {
            QPainter p(&image);
            p.rotate(30);
            QVERIFY(!can_draw_pixel_lines(p));
        }
        {
            QImage rgb16(20, 20, QImage::Format_RGB16);
            QPainter p(&rgb16);
            QVERIFY(!can_draw_pixel_lines(p));
        }
    }

    void a_high_dpi_image_gets_lines_in_device_pixels() {
        QImage image(QSize(400, 240), QImage::Format_ARGB32_Premultiplied);
        image.setDevicePixelRatio(2);
        image.fill(Qt::white);
        QPainter p(&image);
        QVERIFY(can_draw_pixel_lines(p));
        const QLineF line(10, 60.25, 190, 60.25); // logical units: device row 120
        draw_pixel_lines(p, &line, 1, kInk, 2, EdgeStroke::Solid);
        p.end();
        QCOMPARE(image.pixel(200, 120), kInk);
        QCOMPARE(image.pixel(200, 121), kInk);
        QVERIFY(image.pixel(390, 120) != kInk); // ends at device x 380
    }
};

QTEST_MAIN(PixelLinesTest)
#include "pixel_lines_test.moc"
