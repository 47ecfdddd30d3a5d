#include "page_images.h"

#include <QBuffer>
#include <QFont>
#include <QGuiApplication>
#include <QPageSize>
#include <QPainter>
#include <QPdfWriter>
#include <allheaders.h>
#include <cmath>
#include <cstdlib>
#include <random>
#include <sstream>

namespace dossier::testing {
namespace {

constexpr int kLinesPerPage = 40;
constexpr double kPointSize = 12.0;

double line_height(int dpi) {
    return kPointSize * 1.5 / 72.0 * dpi;
}

void box_blur(QImage& image, int radius) {
    if (radius <= 0)
        return;
    const QImage source = image.copy();
    const int w = image.width(), h = image.height();
    for (int y = 0; y < h; ++y) {
        uchar* out = image.scanLine(y);
        for (int x = 0; x < w; ++x) {
            int sum = 0, n = 0;
            for (int dy = -radius; dy <= radius; ++dy) {
                const int yy = std::clamp(y + dy, 0, h - 1);
                const uchar* in = source.constScanLine(yy);
                for (int dx = -radius; dx <= radius; ++dx) {
                    sum += in[std::clamp(x + dx, 0, w - 1)];
                    ++n;
                }
            }
            out[x] = static_cast<uchar>(sum / n);
        }
    }
}

void speckle(QImage& image, double share, unsigned seed) {
    std::mt19937 random(seed);
    std::uniform_real_distribution<double> coin(0, 1);
    std::uniform_int_distribution<int> x_of(0, image.width() - 1), y_of(0, image.height() - 1);
    const auto count = static_cast<long>(share * image.width() * image.height());
    for (long i = 0; i < count; ++i)
        image.scanLine(y_of(random))[x_of(random)] = coin(random) < 0.5 ? 40 : 255;
}

} // namespace

std::vector<std::string> typewriter_lines(const std::string& text) {
    std::vector<std::string> lines;
    std::istringstream paragraphs(text);
    std::string paragraph;
    while (std::getline(paragraphs, paragraph)) {
        std::istringstream words(paragraph);
        std::string word, line;
        while (words >> word) {
            if (!line.empty() && line.size() + 1 + word.size() > 64) {
                lines.push_back(line);
                line.clear();
            }
            line += (line.empty() ? "" : " ") + word;
        }
        lines.push_back(line); // an empty paragraph stays an empty line
    }
    return lines;
}

std::pair<int, int> line_band(int line, int dpi) {
    const double baseline = dpi + (line + 1) * line_height(dpi);
    return {static_cast<int>(baseline - kPointSize / 72.0 * dpi),
            static_cast<int>(baseline + 0.25 * kPointSize / 72.0 * dpi)};
}

std::vector<QImage> render_pages(const std::vector<std::string>& lines, int dpi,
                                 const ScanDamage& damage, std::size_t max_pages) {
    ensure_gui_application();
    std::vector<QImage> pages;
    for (std::size_t first = 0; first < lines.size() && pages.size() < max_pages;
         first += kLinesPerPage) {
        QImage page(static_cast<int>(8.5 * dpi), 11 * dpi, QImage::Format_Grayscale8);
        page.fill(255);
        page.setDotsPerMeterX(static_cast<int>(std::lround(dpi / 0.0254)));
        page.setDotsPerMeterY(static_cast<int>(std::lround(dpi / 0.0254)));
        {
            QPainter painter(&page);
            painter.setRenderHint(QPainter::TextAntialiasing);
            if (damage.skew_degrees != 0) {
                painter.translate(page.width() / 2.0, page.height() / 2.0);
                painter.rotate(damage.skew_degrees);
                painter.translate(-page.width() / 2.0, -page.height() / 2.0);
            }
            QFont font("FreeMono");
            font.setPixelSize(static_cast<int>(std::lround(kPointSize / 72.0 * dpi)));
            painter.setFont(font);
            painter.setPen(QColor(damage.ink, damage.ink, damage.ink));
            for (std::size_t k = 0; k < kLinesPerPage && first + k < lines.size(); ++k)
                painter.drawText(
                    QPointF(dpi, dpi + (static_cast<double>(k) + 1) * line_height(dpi)),
                    QString::fromStdString(lines[first + k]));
        }
        box_blur(page, static_cast<int>(std::lround(damage.blur_radius)));
        speckle(page, damage.speckle, damage.seed + static_cast<unsigned>(pages.size()));
        if (damage.jpeg_quality > 0) {
            QImage reloaded;
            const auto jpeg = encode_image(page, "JPEG", damage.jpeg_quality);
            reloaded.loadFromData(reinterpret_cast<const uchar*>(jpeg.data()),
                                  static_cast<int>(jpeg.size()), "JPEG");
            page = reloaded.convertToFormat(QImage::Format_Grayscale8);
            page.setDotsPerMeterX(static_cast<int>(std::lround(dpi / 0.0254)));
            page.setDotsPerMeterY(static_cast<int>(std::lround(dpi / 0.0254)));
        }
        pages.push_back(std::move(page));
    }
    return pages;
}

std::string encode_image(const QImage& image, const char* format, int quality) {
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    image.save(&buffer, format, quality);
    return std::string(bytes.constData(), static_cast<std::size_t>(bytes.size()));
}

std::string multipage_tiff(const std::vector<QImage>& pages) {
    PIXA* pixa = pixaCreate(static_cast<l_int32>(pages.size()));
    for (const auto& page : pages) {
        const auto png = encode_image(page, "PNG");
        PIX* pix = pixReadMem(reinterpret_cast<const l_uint8*>(png.data()), png.size());
        pixaAddPix(pixa, pix, L_INSERT);
    }
    l_uint8* data = nullptr;
    size_t size = 0;
    pixaWriteMemMultipageTiff(&data, &size, pixa);
    pixaDestroy(&pixa);
    std::string bytes(reinterpret_cast<const char*>(data), size);
    lept_free(data);
    return bytes;
}

std::string image_only_pdf(const std::vector<QImage>& pages, int dpi) {
    ensure_gui_application();
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    {
        QPdfWriter writer(&buffer);
        writer.setResolution(dpi);
        writer.setPageMargins(QMarginsF(0, 0, 0, 0));
        writer.setPageSize(QPageSize(QSizeF(8.5, 11), QPageSize::Inch));
        QPainter painter(&writer);
        for (std::size_t i = 0; i < pages.size(); ++i) {
            if (i > 0)
                writer.newPage();
            painter.drawImage(QRectF(0, 0, pages[i].width(), pages[i].height()), pages[i]);
        }
    }
    return std::string(bytes.constData(), static_cast<std::size_t>(bytes.size()));
}

} // namespace dossier::testing
