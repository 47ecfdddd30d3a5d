#include "dossier/importers/ocr_engine.h"

#include "dossier/importers/ocr_text_normalisation.h"
#include "dossier/importers/tessdata.h"

#include <map>
#include <mutex>
#include <tesseract/baseapi.h>
#include <tesseract/ocrclass.h>
#include <tesseract/resultiterator.h>
#include <vector>

namespace dossier::importers {
namespace {

bool cancel_requested(void* flag, int) {
    return static_cast<const std::atomic<bool>*>(flag)->load(std::memory_order_relaxed);
}

// Separator before a word: a blank line between paragraphs, a line break between lines, a space
// between words, as Tesseract's own text output lays a page out.
void separate(std::string& text, const tesseract::ResultIterator& it, std::int32_t& line) {
    if (text.empty())
        return;
    if (it.IsAtBeginningOf(tesseract::RIL_PARA)) {
        text += "\n\n";
        ++line;
    } else if (it.IsAtBeginningOf(tesseract::RIL_TEXTLINE)) {
        text += '\n';
        ++line;
    } else {
        text += ' ';
    }
}

void collect_words(tesseract::TessBaseAPI& api, PageText& out) {
    std::unique_ptr<tesseract::ResultIterator> it(api.GetIterator());
    if (!it)
        return;
    std::int32_t line = 0;
    double confidence_sum = 0;
    do {
        if (it->Empty(tesseract::RIL_WORD))
            continue;
        const std::unique_ptr<char[]> word(it->GetUTF8Text(tesseract::RIL_WORD));
        if (!word || word[0] == 0)
            continue;
        separate(out.text, *it, line);
        OcrWord w;
        w.start = static_cast<std::uint32_t>(out.text.size());
        out.text += word.get();
        w.end = static_cast<std::uint32_t>(out.text.size());
        it->BoundingBox(tesseract::RIL_WORD, &w.box.left, &w.box.top, &w.box.right, &w.box.bottom);
        w.confidence = it->Confidence(tesseract::RIL_WORD);
        w.line = line;
        confidence_sum += w.confidence;
        out.ocr.words.push_back(w);
    } while (it->Next(tesseract::RIL_WORD));
    if (!out.text.empty())
        out.text += '\n';
    if (!out.ocr.words.empty())
        out.ocr.mean_confidence =
            static_cast<float>(confidence_sum / static_cast<double>(out.ocr.words.size()));
}

struct EnginePool {
    std::mutex mutex;
    std::map<std::string, std::vector<std::unique_ptr<OcrEngine>>> idle;
};

EnginePool& engine_pool() {
    static EnginePool pool;
    return pool;
}

std::string pool_key(const OcrSettings& settings) {
    return tessdata_folder(settings) + '\n' + settings.languages;
}

} // namespace

OcrEngine::OcrEngine(const OcrSettings& settings)
    : api_(std::make_unique<tesseract::TessBaseAPI>()) {
    require_languages(settings);
    const auto folder = tessdata_folder(settings);
    // Tesseract's own messages (warnings about resolution, empty pages) would interleave with
    // Dossier's progress line; its results and our one-line errors say what matters.
    api_->SetVariable("debug_file", "/dev/null");
    if (api_->Init(folder.c_str(), settings.languages.c_str(), tesseract::OEM_DEFAULT) != 0)
        throw OcrError("Tesseract could not load the languages '" + settings.languages + "' from " +
                       folder);
    api_->SetVariable("debug_file", "/dev/null");
    api_->SetPageSegMode(tesseract::PSM_AUTO);
}

OcrEngine::~OcrEngine() {
    if (api_)
        api_->End();
}

PageText OcrEngine::read(const GrayImage& image, int page, const CancelToken& cancel) {
    PageText out;
    out.page = page;
    out.ocr.page = page;
    out.ocr.dpi = image.dpi;
    out.ocr.width = image.width;
    out.ocr.height = image.height;
    api_->SetImage(image.pixels.data(), image.width, image.height, 1, image.width);
    api_->SetSourceResolution(image.dpi);
    tesseract::ETEXT_DESC monitor;
    monitor.cancel = &cancel_requested;
    monitor.cancel_this = const_cast<std::atomic<bool>*>(cancel.flag()); // only read
    const int status = api_->Recognize(&monitor);
    if (cancel.cancelled()) {
        out.error = "cancelled";
    } else if (status != 0) {
        out.error = "Tesseract could not read the page";
    } else {
        collect_words(*api_, out);
        normalise_ocr_text(out, [this](std::string_view word) { return is_dictionary_word(word); });
    }
    api_->Clear();
    return out;
}

bool OcrEngine::is_dictionary_word(std::string_view word) const {
    const std::string terminated(word);
    return api_->IsValidWord(terminated.c_str()) != 0;
}

std::unique_ptr<OcrEngine> acquire_engine(const OcrSettings& settings) {
    auto& pool = engine_pool();
    {
        const std::lock_guard lock(pool.mutex);
        auto& idle = pool.idle[pool_key(settings)];
        if (!idle.empty()) {
            auto engine = std::move(idle.back());
            idle.pop_back();
            return engine;
        }
    }
    return std::make_unique<OcrEngine>(settings);
}

void release_engine(const OcrSettings& settings, std::unique_ptr<OcrEngine> engine) {
    auto& pool = engine_pool();
    const std::lock_guard lock(pool.mutex);
    pool.idle[pool_key(settings)].push_back(std::move(engine));
}

} // namespace dossier::importers
