#pragma once

#include <QString>
#include <QStringList>
#include <QVector>

namespace nsfw::cli {

/// A corpus of near-copies for tuning and measuring the near-duplicate rule, built from Debian's pictures (never
/// committed): originals from openclipart-png (clip art, mostly on white) and plasma-workspace-wallpapers (photos
/// and renders, one size of each), each with edited copies (resized, JPEG recompressed, cropped 4-6 %, gamma and
/// brightness, a caption, a thin border, blurred, WebP, PNG at another size), and distractors: more pictures of
/// the same categories, unedited. Two files are duplicates exactly when they come from the same original.
struct DuplicateCorpus {
    struct File {
        QString path;
        int source = 0;  ///< the original's index; distractors have their own
        QString edit;    ///< "original", "resize", "jpeg", "crop", ..., or "distractor"
        bool wallpaper = false;
    };
    QVector<File> files;
    int originals = 0;

    /// The edits applied to every original, in order.
    static QStringList edits();
    /// Builds the corpus in `folder` (which must exist and be empty): `originals` originals (about one in eight a
    /// wallpaper, when installed) and `distractors` distractors, chosen and edited with `seed`. Empty with *error
    /// when the pictures are not installed.
    static DuplicateCorpus build(const QString &folder, int originals, int distractors, quint64 seed, QString *error);
};

/// The largest picture of each theme of Debian's plasma-workspace-wallpapers, light variants (the other sizes of a
/// theme are near-copies of it).
QStringList largestWallpapers();

} // namespace nsfw::cli
