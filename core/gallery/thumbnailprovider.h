#pragma once

#include "media/mediacache.h"

#include <QCache>
#include <QImage>
#include <QMutex>
#include <QObject>
#include <QSet>
#include <QThreadPool>

#include <atomic>
#include <deque>
#include <memory>

namespace nsfw {

/// Thumbnails for galleries, made off the GUI thread.
///
/// thumbnail() answers at once from memory, or returns a null image and queues the request. Requests are
/// served newest first (what the view shows now, not what it showed while scrolling past) from a bounded
/// queue; each carries the generation of the project it was made for, so answers for a project that has
/// since been closed are dropped. Answers arrive by thumbnailReady() in the provider's thread.
class ThumbnailProvider : public QObject
{
    Q_OBJECT

public:
    static constexpr int kMaxQueued = 400;

    explicit ThumbnailProvider(QObject *parent = nullptr);
    ~ThumbnailProvider() override;

    /// The cache folder of the project (MediaCache); clears memory and drops queued and running requests.
    void setCacheDir(const QString &cacheDir);
    /// The thumbnail if in memory; otherwise a null image, and the request is queued.
    QImage thumbnail(const MediaRef &ref);
    /// Whether a thumbnail is in memory.
    bool contains(const QString &key) const { return m_memory.contains(key); }
    /// Drops every queued request (running ones finish and are cached).
    void clearQueue();
    /// Waits for running work; for tests and shutdown.
    void waitForDone() { m_pool.waitForDone(); }
    int queued() const;

Q_SIGNALS:
    void thumbnailReady(const QString &key, const QImage &image);
    /// A thumbnail could not be made (missing or broken file); asked again only after setCacheDir().
    void thumbnailFailed(const QString &key, const QString &error);

private:
    struct Request {
        MediaRef ref;
        quint64 generation = 0;
    };
    void drain();
    void deliver(const QString &key, const QImage &image, const QString &error, quint64 generation);

    QThreadPool m_pool;
    QCache<QString, QImage> m_memory;
    QSet<QString> m_inFlight; // queued or running, GUI thread only
    QSet<QString> m_failed;
    std::shared_ptr<MediaCache> m_cache;
    quint64 m_generation = 0;
    std::atomic<quint64> m_liveGeneration{0};

    mutable QMutex m_mutex; // guards m_queue and m_workers
    std::deque<Request> m_queue;
    int m_workers = 0;
};

} // namespace nsfw
