#pragma once
// Workers report to the window by posting to the GUI thread. The objects that start workers wait
// for them in their destructors; the QPointer still drops a post that arrives after the receiver
// is gone (a queued call outliving a window closed meanwhile).
#include <QMetaObject>
#include <QPointer>

namespace dossier::gui {

// A callable for a worker thread: each call runs `slot(receiver, args...)` later, on the
// receiver's thread.
template <typename Receiver, typename Slot> auto post_to(Receiver* receiver, Slot slot) {
    QPointer<Receiver> self(receiver);
    return [self, slot](auto... args) {
        if (!self)
            return;
        QMetaObject::invokeMethod(
            self.data(),
            [self, slot, args...] {
                if (self)
                    slot(*self, args...);
            },
            Qt::QueuedConnection);
    };
}

} // namespace dossier::gui
