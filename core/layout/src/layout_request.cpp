#include "dossier/layout/layout_request.h"

#include <array>
#include <utility>

namespace dossier::layout {
namespace {
constexpr std::array<std::pair<Engine, std::string_view>, 6> kEngineNames{{
    {Engine::Dot, "dot"},
    {Engine::Neato, "neato"},
    {Engine::Fdp, "fdp"},
    {Engine::Sfdp, "sfdp"},
    {Engine::Circo, "circo"},
    {Engine::Twopi, "twopi"},
}};
} // namespace

std::string_view to_string(Engine engine) {
    for (const auto& [value, name] : kEngineNames)
        if (value == engine)
            return name;
    return "sfdp";
}

std::optional<Engine> parse_engine(std::string_view name) {
    for (const auto& [value, known] : kEngineNames)
        if (known == name)
            return value;
    return std::nullopt;
}

} // namespace dossier::layout
