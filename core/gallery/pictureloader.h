#pragma once

#include "media/mediacache.h"

#include <QCache>
#include <QImage>
#include <QObject>
#include <QSet>
#include <QSize>
#include <QThreadPool>

#include <atomic>
#include <memory>

namespace nsfw {

/// A decoded picture for the viewer: the picture (at most kMaxSide a side) and a copy already scaled
/// to the size the viewer asked for, so showing it costs one blit.
struct LoadedPicture {
    qint64 itemId = 0;
    QImage full;
    QImage fitted;
    QSize originalSize;
    QString error;
};

/// Decodes viewer pictures on a thread pool, and keeps the last few in memory so that stepping to a
/// prefetched item shows it at once. Each request has an id; an answer for a request that was
/// superseded (the user moved on) is still cached, but only the current one is announced as current.
class PictureLoader : public QObject
{
    Q_OBJECT

public:
    static constexpr int kMaxSide = 4096;

    explicit PictureLoader(QObject *parent = nullptr);
    ~PictureLoader() override;

    void setCacheDir(const QString &cacheDir);
    /// The size pictures are pre-scaled to (the viewer's area in device pixels); clears fitted copies.
    void setFitSize(const QSize &size);
    QSize fitSize() const { return m_fitSize; }

    /// The picture if in memory (fitted to the current fit size), else nullptr; then load() it.
    const LoadedPicture *cached(qint64 itemId) const;
    /// Asks for the picture the viewer shows now; pictureReady() follows (at once when cached). Returns the id.
    quint64 load(qint64 itemId, const MediaRef &ref);
    /// Loads in the background without announcing (the next items).
    void prefetch(qint64 itemId, const MediaRef &ref);
    void waitForDone() { m_pool.waitForDone(); }

Q_SIGNALS:
    /// The answer to the latest load(); requestId tells which.
    void pictureReady(quint64 requestId, qint64 itemId);

private:
    void start(qint64 itemId, const MediaRef &ref, quint64 requestId);
    void deliver(const LoadedPicture &picture, quint64 requestId, quint64 generation, QSize fitSize);

    QThreadPool m_pool;
    QCache<qint64, LoadedPicture> m_memory;
    QSet<qint64> m_inFlight;
    std::shared_ptr<MediaCache> m_cache;
    QSize m_fitSize{1200, 900};
    quint64 m_nextRequest = 0;
    quint64 m_currentRequest = 0;
    qint64 m_currentItem = 0;
    quint64 m_generation = 0;
};

} // namespace nsfw
