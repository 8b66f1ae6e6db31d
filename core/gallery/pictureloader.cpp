#include "pictureloader.h"

#include "backgroundpriority.h"
#include "common/logging.h"
#include "media/mediadecoder.h"

namespace nsfw {

namespace {

// Small pictures are enlarged too: an annotator judges a 200 px clip better at screen size.
QImage fitTo(const QImage &full, QSize fitSize)
{
    if (!fitSize.isValid() || full.isNull() || full.size().scaled(fitSize, Qt::KeepAspectRatio) == full.size())
        return full;
    return full.scaled(fitSize, Qt::KeepAspectRatio, Qt::SmoothTransformation);
}

LoadedPicture decode(const MediaCache &cache, qint64 itemId, const MediaRef &ref, QSize fitSize)
{
    LoadedPicture p;
    p.itemId = itemId;
    QImage image;
    if (ref.kind == ItemKind::Image) {
        // Big JPEGs decode at 1/2, 1/4 or 1/8 while the short side stays at least the viewer's long side:
        // a 24 MP photo then costs a quarter of the time, and zooming in still shows real pixels.
        const int reduceTo = std::max(fitSize.width(), fitSize.height());
        image = MediaDecoder::toQImage(
            MediaDecoder::readImage(ref.sourcePath, MediaDecoder::kDefaultMaxPixels, &p.error, reduceTo));
    } else {
        image = cache.picture(ref, &p.error);
    }
    if (image.isNull()) {
        if (p.error.isEmpty())
            p.error = PictureLoader::tr("The picture could not be decoded.");
        return p;
    }
    p.originalSize = image.size();
    if (image.width() > PictureLoader::kMaxSide || image.height() > PictureLoader::kMaxSide)
        image = image.scaled(PictureLoader::kMaxSide, PictureLoader::kMaxSide, Qt::KeepAspectRatio,
                             Qt::SmoothTransformation);
    p.full = image.convertToFormat(QImage::Format_RGB32);
    p.fitted = fitTo(p.full, fitSize);
    return p;
}

} // namespace

PictureLoader::PictureLoader(QObject *parent)
    : QObject(parent)
{
    m_pool.setMaxThreadCount(2);
    m_pool.setObjectName(QStringLiteral("pictures"));
    m_memory.setMaxCost(12); // pictures, not bytes: the current one, a few back, the prefetched ahead
}

PictureLoader::~PictureLoader()
{
    m_pool.clear();
    m_pool.waitForDone();
}

void PictureLoader::setCacheDir(const QString &cacheDir)
{
    ++m_generation;
    m_pool.clear();
    m_memory.clear();
    m_inFlight.clear();
    m_cache = cacheDir.isEmpty() ? nullptr : std::make_shared<MediaCache>(cacheDir);
}

void PictureLoader::setFitSize(const QSize &size)
{
    if (size == m_fitSize || !size.isValid())
        return;
    m_fitSize = size;
    // Re-fit what is in memory rather than decode again: scaling is cheap beside decoding.
    const QList<qint64> keys = m_memory.keys();
    for (qint64 key : keys) {
        LoadedPicture *p = m_memory.object(key);
        if (!p || p->full.isNull())
            continue;
        p->fitted = fitTo(p->full, size);
    }
}

const LoadedPicture *PictureLoader::cached(qint64 itemId) const
{
    return m_memory.object(itemId);
}

quint64 PictureLoader::load(qint64 itemId, const MediaRef &ref)
{
    const quint64 id = ++m_nextRequest;
    m_currentRequest = id;
    m_currentItem = itemId;
    if (m_memory.contains(itemId)) {
        // Announce in the next event-loop turn like a decoded answer, so callers have one code path.
        QMetaObject::invokeMethod(
            this, [this, id, itemId] { Q_EMIT pictureReady(id, itemId); }, Qt::QueuedConnection);
        return id;
    }
    if (!m_inFlight.contains(itemId))
        start(itemId, ref, id);
    return id;
}

void PictureLoader::prefetch(qint64 itemId, const MediaRef &ref)
{
    if (itemId <= 0 || m_memory.contains(itemId) || m_inFlight.contains(itemId))
        return;
    start(itemId, ref, 0);
}

void PictureLoader::start(qint64 itemId, const MediaRef &ref, quint64 requestId)
{
    if (!m_cache || ref.key.isEmpty()) {
        LoadedPicture p;
        p.itemId = itemId;
        p.error = tr("No picture for this item.");
        deliver(p, requestId, m_generation, m_fitSize);
        return;
    }
    m_inFlight.insert(itemId);
    const auto cache = m_cache;
    const QSize fit = m_fitSize;
    const quint64 generation = m_generation;
    // Lambdas capture by value: the request outlives nothing it points to.
    m_pool.start(
        [this, cache, itemId, ref, fit, requestId, generation] {
            lowerBackgroundPriority();
            LoadedPicture p = decode(*cache, itemId, ref, fit);
            QMetaObject::invokeMethod(
                this, [this, p, requestId, generation, fit] { deliver(p, requestId, generation, fit); },
                Qt::QueuedConnection);
        },
        requestId ? 1 : 0); // the picture being waited for goes before prefetches
}

void PictureLoader::deliver(const LoadedPicture &picture, quint64 requestId, quint64 generation, QSize fitSize)
{
    if (generation != m_generation)
        return; // another project
    m_inFlight.remove(picture.itemId);
    auto *stored = new LoadedPicture(picture);
    if (fitSize != m_fitSize && !stored->full.isNull())
        stored->fitted = fitTo(stored->full, m_fitSize);
    m_memory.insert(picture.itemId, stored, 1);
    // A prefetch that turns out to be for the item now shown answers the current request too.
    // Answers for items the user has left stay cached (they may come back) but are not announced.
    if (picture.itemId == m_currentItem)
        Q_EMIT pictureReady(m_currentRequest, picture.itemId);
}

} // namespace nsfw
