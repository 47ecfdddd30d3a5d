#pragma once
// Rendering text needs a QGuiApplication; tests share one, on the offscreen platform unless the
// environment chose another.
namespace dossier::exporting::testing {
void ensure_gui_application();
}
