#include "dossier/render/pixel_lines.h"

#include <QImage>
#include <QPaintDevice>
#include <QTransform>
#include <algorithm>
#include <array>
#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <span>

namespace dossier::render {
namespace {

// Qt's dash patterns (qpen.cpp), in units of the line's width: on, off, on, off...
std::span<const int> dash_pattern(EdgeStroke stroke) {
    static constexpr std::array<int, 2> dash{4, 2};
    static constexpr std::array<int, 2> dot{1, 2};
    static constexpr std::array<int, 4> dash_dot{4, 2, 1, 2};
    switch (stroke) {
    case EdgeStroke::Solid:
        return {};
    case EdgeStroke::Dashed:
        return dash;
    case EdgeStroke::Dotted:
        return dot;
    case EdgeStroke::DashDotted:
        return dash_dot;
    }
    return {};
}

// Liang-Barsky: clips the segment a-b to [0, w) x [0, h); false when nothing is left. t0 is
// where the kept part starts along the original segment (0..1), for the dash phase.
bool clip(QPointF& a, QPointF& b, double w, double h, double& t0) {
    const double dx = b.x() - a.x();
    const double dy = b.y() - a.y();
    double lo = 0, hi = 1;
    const double p[4] = {-dx, dx, -dy, dy};
    const double q[4] = {a.x(), w - a.x(), a.y(), h - a.y()};
    for (int i = 0; i < 4; ++i) {
        if (p[i] == 0) {
            if (q[i] < 0)
                return false;
            continue;
        }
        const double r = q[i] / p[i];
        if (p[i] < 0)
            lo = std::max(lo, r);
        else
            hi = std::min(hi, r);
        if (lo > hi)
            return false;
    }
    const QPointF start = a;
    a = start + QPointF(dx, dy) * lo;
    b = start + QPointF(dx, dy) * hi;
    t0 = lo;
    return true;
}

class PixelWriter {
public:
    PixelWriter(QImage& image, QRgb colour)
        : bits_(reinterpret_cast<std::uint32_t*>(image.bits())),
          stride_(static_cast<std::ptrdiff_t>(image.bytesPerLine() / 4)), width_(image.width()),
          height_(image.height()), colour_(colour) {}

    // One pixel-wide line from device point a to b, dashed by `pattern` (in pixels, scaled by
    // `unit`) starting `phase` pixels into it.
    void line(QPointF a, QPointF b, std::span<const int> pattern, int unit) {
        double t0 = 0;
        const double major_length = std::max(std::abs(b.x() - a.x()), std::abs(b.y() - a.y()));
        // Clip to just inside the image so every stepped pixel is in it.
        if (!clip(a, b, width_ - 1e-6, height_ - 1e-6, t0))
            return;
        // The clipped ends can still lie a rounding error outside (a + d * t with |a| ~ 1e6 is
        // off by ~1e-10, and floor(-1e-10) is -1: AddressSanitizer caught the write before the
        // image). Clamping moves an end by at most that pixel, and every pixel a Bresenham line
        // steps on lies in the box of its two ends, so all writes stay inside the image.
        auto column = [this](double x) {
            return std::clamp(static_cast<int>(std::floor(x)), 0, width_ - 1);
        };
        auto row = [this](double y) {
            return std::clamp(static_cast<int>(std::floor(y)), 0, height_ - 1);
        };
        int x0 = column(a.x());
        int y0 = row(a.y());
        const int x1 = column(b.x());
        const int y1 = row(b.y());
        const int dx = std::abs(x1 - x0);
        const int dy = -std::abs(y1 - y0);
        const int sx = x0 < x1 ? 1 : -1;
        const int sy = y0 < y1 ? 1 : -1;
        int err = dx + dy;
        if (pattern.empty()) {
            // One loop per major axis: a step along it every pixel, across it when the error
            // says so.
            std::uint32_t* pixel = bits_ + y0 * stride_ + x0;
            const std::ptrdiff_t step_y = sy * stride_;
            const int ady = -dy;
            if (dx >= ady) {
                int e = 2 * ady - dx;
                for (int i = 0;; ++i) {
                    *pixel = colour_;
                    if (i == dx)
                        break;
                    pixel += sx;
                    if (e > 0) {
                        pixel += step_y;
                        e -= 2 * dx;
                    }
                    e += 2 * ady;
                }
            } else {
                int e = 2 * dx - ady;
                for (int i = 0;; ++i) {
                    *pixel = colour_;
                    if (i == ady)
                        break;
                    pixel += step_y;
                    if (e > 0) {
                        pixel += sx;
                        e -= 2 * ady;
                    }
                    e += 2 * dx;
                }
            }
            return;
        }
        int period = 0;
        for (int v : pattern)
            period += v * unit;
        int phase = static_cast<int>(std::lround(t0 * major_length)) % period;
        for (;;) {
            // On while the phase lies in an even entry of the pattern.
            int at = phase;
            bool on = true;
            for (int v : pattern) {
                if (at < v * unit)
                    break;
                at -= v * unit;
                on = !on;
            }
            if (on)
                bits_[y0 * stride_ + x0] = colour_;
            if (x0 == x1 && y0 == y1)
                break;
            const int e2 = 2 * err;
            if (e2 >= dy) {
                err += dy;
                x0 += sx;
            }
            if (e2 <= dx) {
                err += dx;
                y0 += sy;
            }
            phase = (phase + 1) % period;
        }
    }

private:
    std::uint32_t* bits_;
    std::ptrdiff_t stride_;
    int width_;
    int height_;
    std::uint32_t colour_;
};

} // namespace

bool can_draw_pixel_lines(const QPainter& painter) {
    QPaintDevice* device = painter.device();
    if (!device || device->devType() != QInternal::Image || !painter.isActive())
        return false;
    const auto* image = static_cast<const QImage*>(device);
    const auto format = image->format();
    return (format == QImage::Format_ARGB32_Premultiplied || format == QImage::Format_ARGB32 ||
            format == QImage::Format_RGB32) &&
           image->isDetached() && !painter.hasClipping() &&
           painter.compositionMode() == QPainter::CompositionMode_SourceOver &&
           painter.opacity() >= 1.0 && painter.deviceTransform().type() <= QTransform::TxScale;
}

void draw_pixel_lines(QPainter& painter, const QLineF* lines, int count, QRgb colour, int width,
                      EdgeStroke stroke) {
    auto* image = static_cast<QImage*>(painter.device());
    const QTransform to_device = painter.deviceTransform();
    // An opaque colour is the same 32-bit word in all three formats.
    PixelWriter writer(*image, colour | 0xff000000u);
    const auto pattern = dash_pattern(stroke);
    width = std::max(width, 1);
    for (int i = 0; i < count; ++i) {
        const QPointF a = to_device.map(lines[i].p1());
        const QPointF b = to_device.map(lines[i].p2());
        if (width == 1) {
            writer.line(a, b, pattern, 1);
            continue;
        }
        // A wider line: that many one-pixel lines side by side across its minor axis.
        const bool steep = std::abs(b.y() - a.y()) > std::abs(b.x() - a.x());
        for (int j = 0; j < width; ++j) {
            const double shift = j - (width - 1) / 2;
            const QPointF d = steep ? QPointF(shift, 0) : QPointF(0, shift);
            writer.line(a + d, b + d, pattern, width);
        }
    }
}

} // namespace dossier::render
