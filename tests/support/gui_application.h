#pragma once
// Rendering text and images needs a QGuiApplication: the tests that do share one, on the
// offscreen platform unless the environment chose another.
namespace dossier::testing {

// Makes the application on the first call; later calls do nothing.
void ensure_gui_application();

} // namespace dossier::testing
