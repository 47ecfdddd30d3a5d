#pragma once
// The serialised form of a layout request and its result, between LayoutService and the
// dossier-layout-worker process. Plain text, one record per line, numbers in the shortest form
// that reads back to the same double (std::to_chars), strings with a length prefix ("5:hello"),
// so any byte (newline, quote, UTF-8) survives. Node keys stay in the parent: the worker sees
// indices only. Both ends are this file, so there is no version negotiation beyond a magic line.
#include "dossier/layout/graphviz_layout.h"
#include "dossier/layout/layout_request.h"

#include <string>
#include <string_view>

namespace dossier::layout::detail {

std::string serialise_request(const LayoutRequest& request);
// Throws std::runtime_error on malformed input. Node keys are left empty.
LayoutRequest parse_request(std::string_view text);

std::string serialise_result(const LayoutResult& result);
// Throws std::runtime_error on malformed input. Node keys are left empty: the caller copies them
// from its request.
LayoutResult parse_result(std::string_view text);

std::string serialise_plugins(const PluginCheck& check);
PluginCheck parse_plugins(std::string_view text);

} // namespace dossier::layout::detail
