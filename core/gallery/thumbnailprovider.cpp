#include "thumbnailprovider.h"

#include "backgroundpriority.h"
#include "common/logging.h"

#include <QMutexLocker>
#include <QPointer>

namespace nsfw {

ThumbnailProvider::ThumbnailProvider(QObject *parent)
    : QObject(parent)
{
    // Leave a core to the GUI thread; decoding is the slow part and scales with cores.
    m_pool.setMaxThreadCount(std::max(1, QThread::idealThreadCount() - 1));
    m_pool.setObjectName(QStringLiteral("thumbnails"));
    // 256 px JPEG thumbnails are ~200 KB decoded: ~2000 of them, about 400 MB at most. Cost in KB.
    m_memory.setMaxCost(400 * 1024);
}

ThumbnailProvider::~ThumbnailProvider()
{
    clearQueue();
    m_liveGeneration = ~quint64(0);
    m_pool.waitForDone();
}

void ThumbnailProvider::setCacheDir(const QString &cacheDir)
{
    clearQueue();
    ++m_generation;
    m_liveGeneration = m_generation;
    m_memory.clear();
    m_inFlight.clear();
    m_failed.clear();
    QMutexLocker lock(&m_mutex);
    m_cache = cacheDir.isEmpty() ? nullptr : std::make_shared<MediaCache>(cacheDir);
}

void ThumbnailProvider::clearQueue()
{
    QMutexLocker lock(&m_mutex);
    for (const Request &r : m_queue)
        m_inFlight.remove(r.ref.key);
    m_queue.clear();
}

int ThumbnailProvider::queued() const
{
    QMutexLocker lock(&m_mutex);
    return int(m_queue.size());
}

QImage ThumbnailProvider::thumbnail(const MediaRef &ref)
{
    if (ref.key.isEmpty())
        return {};
    if (const QImage *hit = m_memory.object(ref.key))
        return *hit;
    if (!m_cache || m_failed.contains(ref.key) || m_inFlight.contains(ref.key))
        return {};
    m_inFlight.insert(ref.key);
    bool startWorker = false;
    {
        QMutexLocker lock(&m_mutex);
        m_queue.push_back({ref, m_generation});
        // Too far behind: the oldest requests are for cells long scrolled past.
        while (m_queue.size() > size_t(kMaxQueued)) {
            m_inFlight.remove(m_queue.front().ref.key);
            m_queue.pop_front();
        }
        if (m_workers < m_pool.maxThreadCount()) {
            ++m_workers;
            startWorker = true;
        }
    }
    if (startWorker)
        m_pool.start([this] { drain(); });
    return {};
}

void ThumbnailProvider::drain()
{
    lowerBackgroundPriority();
    for (;;) {
        Request request;
        std::shared_ptr<MediaCache> cache;
        {
            QMutexLocker lock(&m_mutex);
            if (m_queue.empty()) {
                --m_workers;
                return;
            }
            request = m_queue.back(); // newest first: what is on screen now
            m_queue.pop_back();
        }
        if (request.generation != m_liveGeneration.load())
            continue;
        QString error;
        QImage image;
        {
            // m_cache is replaced only on the GUI thread between generations; copy the pointer under the lock.
            QMutexLocker lock(&m_mutex);
            cache = m_cache;
        }
        if (cache)
            image = cache->thumbnail(request.ref, &error);
        if (!image.isNull())
            image = image.convertToFormat(QImage::Format_RGB32); // the fastest format to paint
        const QString key = request.ref.key;
        const quint64 generation = request.generation;
        QMetaObject::invokeMethod(
            this, [this, key, image, error, generation] { deliver(key, image, error, generation); },
            Qt::QueuedConnection);
    }
}

void ThumbnailProvider::deliver(const QString &key, const QImage &image, const QString &error, quint64 generation)
{
    if (generation != m_generation)
        return; // made for a project that is no longer open
    m_inFlight.remove(key);
    if (image.isNull()) {
        m_failed.insert(key);
        qCDebug(lcMedia) << "no thumbnail for" << key << error;
        Q_EMIT thumbnailFailed(key, error);
        return;
    }
    m_memory.insert(key, new QImage(image), std::max<qsizetype>(1, image.sizeInBytes() / 1024));
    Q_EMIT thumbnailReady(key, image);
}

} // namespace nsfw
