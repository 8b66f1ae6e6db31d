#pragma once

#include "media/videosampler.h"

#include <QList>
#include <QString>

namespace nsfw {

class ProjectDatabase;

/// Where a project's videos change shot (video_cuts), as found at import. All SQL about them lives here.
class VideoCutStore
{
public:
    explicit VideoCutStore(ProjectDatabase &db);

    /// Stores a video's cuts, replacing what it had; in the caller's transaction when one is open.
    bool put(qint64 videoId, const QList<SceneCut> &cuts, QString *error = nullptr);
    /// A video's cuts in time order (none for a video imported before cuts were kept, or with fixed sampling).
    QList<SceneCut> cuts(qint64 videoId, QString *error = nullptr) const;

private:
    ProjectDatabase &m_db;
};

} // namespace nsfw
