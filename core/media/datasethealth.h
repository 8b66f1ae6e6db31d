#pragma once

#include "common/types.h"

#include <QCoreApplication>
#include <QHash>
#include <QString>
#include <QStringList>
#include <QVector>

#include <functional>

namespace nsfw {

class ProjectDatabase;
struct MediaStats;

/// How many items carry each label.
struct LabelCounts {
    qint64 safe = 0;
    qint64 nsfw = 0;
    qint64 unsure = 0;
    qint64 unlabeled = 0;
    void add(Label label);
    qint64 total() const { return safe + nsfw + unsure + unlabeled; }
};

/// One line of a class-balance table: a kind or a source folder and its label counts.
struct BalanceRow {
    QString name;
    LabelCounts counts;
};

/// A group of copies: exact (the same pixels) or near (the near-duplicate rule), and whether its members carry both
/// safe and nsfw labels.
struct CopyGroup {
    QVector<qint64> items;
    bool conflict = false;
};

/// One health check: what it looks for (with its threshold, in plain words) and the items it flags, worst first,
/// each with the value it was judged by (for the duplicate checks: the number of its group, from 1).
struct HealthCheck {
    QString id;          ///< stable, for scripts: "dark", "near-duplicates", ...
    QString name;        ///< translated, short
    QString description; ///< translated, with the threshold and where it comes from
    QVector<qint64> items;
    QVector<double> values;
};

/// Where the image checks draw their lines. cleanvision's published defaults (ImagePropertyIssueManager.
/// get_default_params, github.com/cleanlab/cleanvision, 2026-01) where its measure is ours; otherwise chosen here,
/// with the reason.
struct HealthThresholds {
    /// Dark: the 99th percentile of perceived brightness below this (cleanvision "dark", threshold 0.32).
    double darkP99 = 0.32;
    /// Too bright: the 5th percentile of perceived brightness above this (cleanvision "light": 1 - p5 < 0.05) ...
    double brightP5 = 0.95;
    /// ... and grey levels spread less than this share of the range (washed out). cleanvision's rule alone flags every
    /// drawing that covers less than a twentieth of a white page (15 of a 1-in-10 sample of Debian's openclipart, a
    /// martini glass on an A4 page among them: contrast 0.02-0.19); a blown-out photo keeps little contrast
    /// (planted: 0.01).
    double brightContrast = 0.03;
    /// Nearly uniform / low information: grey-level entropy below this many bits ... cleanvision flags an entropy below
    /// 3 bits (threshold 0.3 with normalizing factor 0.1) of PIL's histogram over the three colour bands together,
    /// which is the bands' own entropy plus log2(3) = 1.58 bits: 1.42 bits of one band, or of grey.
    double lowEntropy = 1.42;
    /// ... and grey levels spread less than this share of the range. Entropy alone flags ordinary clip art (a drawing
    /// in a few flat colours on white has 0.3-1.3 bits: 7 of 40 colour drawings of Debian's openclipart "food"); a
    /// blank, a flat colour or a faint fade also has almost no contrast (planted blank: 0.001; the faintest clip art
    /// of a 1-in-10 sample of openclipart, a pale sun on white: 0.017).
    double lowContrast = 0.015;
    /// Blurry: sharpness (MediaStats::sharpness) below this. cleanvision's blur score (edge strength at 64 pixels
    /// across, threshold 0.29) does not carry over: on Debian's wallpapers it put sharp photos (0.32) next to blurred
    /// copies of dark ones (0.31). Here the Laplacian's spread against the picture's own contrast, at 256 pixels
    /// across: photos and clip art 0.15 and up, Gaussian-blurred photos (sigma 1/40 of the width) 0.02-0.11;
    /// smooth gradients and airbrushed abstracts lie below 0.1 and are flagged with them.
    double sharpness = 0.12;
    /// Tiny: fewer pixels than a square of this side. cleanvision's "odd size" compares with the dataset's quartiles;
    /// here the model is the yardstick: it sees 224x224, and a picture of fewer than 64x64 pixels is enlarged more
    /// than 3.5 times in each direction.
    double tinySide = 64;
    /// Extreme aspect ratio: the short side less than this share of the long one (cleanvision "odd_aspect_ratio",
    /// threshold 0.35); the model squeezes every picture into a square.
    double aspect = 0.35;
    /// Greyscale: all but a thousandth of the pixels with their colour channels at most this far apart (0..255).
    /// cleanvision asks for exactly equal channels; this allows for the chroma noise of a colour JPEG of a grey
    /// picture, and a line drawing with a small coloured accent (1 % of the page) stays a colour picture.
    double greyChroma = 4;
};

/// The health of a project's data set: class balance overall, per kind and per source folder; exact and near
/// copies and the label conflicts among them; and the image checks (low information, dark, bright, blurry, tiny,
/// extreme aspect ratio, greyscale). The pixel checks judge images (a video's first frame is often a black
/// fade-in); the size checks judge images and videos.
struct HealthReport {
    LabelCounts overall;          ///< images and video frames (a frame without a label of its own takes its video's)
    QVector<BalanceRow> byKind;   ///< "image", "video frame"
    QVector<BalanceRow> byFolder; ///< the folder of each image, and of each frame's video, as stored
    QVector<CopyGroup> exactGroups;
    QVector<CopyGroup> nearGroups; ///< conflicts first, then the largest
    QVector<HealthCheck> checks;
    qint64 media = 0;          ///< images and videos
    qint64 measured = 0;       ///< of them, with measures
    qint64 hashed = 0;         ///< of them, with perceptual hashes
    QHash<qint64, Item> items; ///< every image and video named by a check or a group
};

/// Computes the report from what the project stores, and the measures an older project lacks.
class DatasetHealth
{
    Q_DECLARE_TR_FUNCTIONS(nsfw::DatasetHealth)

public:
    /// The report; empty with *error when the database failed.
    static HealthReport compute(ProjectDatabase &db, const HealthThresholds &thresholds, QString *error);

    /// The ids of the image checks that flag a picture of this kind with these measures ("dark", "tiny", ...).
    static QStringList imageIssues(const MediaStats &stats, ItemKind kind, const HealthThresholds &thresholds = {});

    /// Computes the perceptual hashes and health measures the project lacks (items imported before they existed, or
    /// by another version), each image and each video's first frame decoded once on worker threads, stored 64 at a
    /// time. Files that cannot be read are left out, each with its reason in `unreadable`. Returns how many items were
    /// measured, -1 with *error when the database failed.
    static qint64 measureMissing(ProjectDatabase &db, const std::function<void(qint64 done, qint64 total)> &progress,
                                 QStringList *unreadable, QString *error);
};

} // namespace nsfw
