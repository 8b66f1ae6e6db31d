#pragma once

#include "common/types.h"
#include "store/labelstore.h"

#include <QHash>
#include <QString>
#include <QStringList>
#include <QVector>

#include <array>
#include <optional>

namespace nsfw {

class ProjectDatabase;

/// How well the annotators of a project agree (issue 16), from each annotator's latest label of each item.
///
/// Definitions (also in README.md, "Agreement"):
/// - Categories are safe, nsfw and unsure: "unsure" is a judgement like the others (two annotators who both cannot
///   tell agree). An annotator whose latest entry cleared the label has no label on that item (a missing value).
/// - The overlap is the items that carry labels of at least two annotators.
/// - Percent agreement: over the overlap, the share of agreeing pairs of annotators within an item, averaged over the
///   items (Fleiss's P-bar, which for two annotators is the share of items they agree on); `unanimous` is the share
///   of overlap items where every annotator gave the same label.
/// - Cohen's kappa per pair, on the items both labeled (as scikit-learn's cohen_kappa_score).
/// - Fleiss' kappa needs the same number of annotators on every item: it is computed over the overlap items that
///   have the most common number of annotators (ties: the larger number), and says how many items and annotators
///   per item that was. Krippendorff's alpha (nominal, coincidence matrix) takes every overlap item as it is.
/// - Each annotator against the reference label (referenceLabels(): the item's current label, the one training
///   uses), on the overlap items: a 3x3 confusion matrix, annotator's label by row, reference by column.
/// - Labels per hour: an annotator's entries (not those of imports from folders or CSV files, given in bulk) split
///   into sessions wherever they paused more than kSessionGapMs; each entry after a session's first took the time
///   since the one before, so the rate is (entries - sessions) / (summed session length).
/// A figure that is undefined (a kappa when chance agreement is 1: everybody always chose one category; anything over
/// no items) is std::nullopt, never NaN.
namespace agreement {

constexpr int kCategories = 3; ///< safe, nsfw, unsure: Label values 0, 1, 2
constexpr qint64 kSessionGapMs = 5 * 60 * 1000;

/// Cohen's kappa and the observed agreement of two annotators on the items both labeled.
struct PairAgreement {
    QString first;
    QString second;
    int items = 0;
    std::optional<double> observed; ///< share of those items with the same label
    std::optional<double> kappa;
};

/// One annotator against the reference labels, and their pace.
struct AnnotatorAgreement {
    QString name;
    int labeled = 0; ///< items with this annotator's label
    int overlap = 0; ///< of those, items in the overlap
    /// confusion[a][r]: overlap items this annotator labeled a whose reference label is r (safe, nsfw, unsure).
    std::array<std::array<int, kCategories>, kCategories> confusion{};
    int withoutReference = 0;       ///< overlap items of theirs without a reference label
    std::optional<double> accuracy; ///< share of the confusion matrix on its diagonal
    int entries = 0;                ///< history entries counted for the pace
    int sessions = 0;
    double activeHours = 0;
    std::optional<double> labelsPerHour;
};

/// Everything `agreement` prints and the Team panel shows.
struct Report {
    QStringList annotators; ///< sorted by name
    int labeledItems = 0;   ///< items with at least one annotator's label
    int overlapItems = 0;
    std::optional<double> percentAgreement;
    std::optional<double> unanimous;
    std::optional<double> fleissKappa;
    int fleissItems = 0;
    int fleissRaters = 0; ///< annotators per item in the Fleiss computation
    std::optional<double> krippendorffAlpha;
    QVector<PairAgreement> pairs; ///< every pair of annotators, names in order
    QVector<AnnotatorAgreement> perAnnotator;
};

/// Each item's labels by annotator (LabelStore::annotatorLabels; Label::None entries are missing values).
using ItemLabels = QHash<qint64, QHash<QString, Label>>;

/// The arithmetic, from labels in memory: reference maps items to the label annotators are judged against.
Report compute(const ItemLabels &labels, const QHash<qint64, Label> &reference, const QVector<LabelActivity> &activity);

/// The label each annotator is judged against: the item's current label, the one training uses (under the
/// consensus rule, LabelRule, the adjudicated label, else the one all annotators give).
QHash<qint64, Label> referenceLabels(ProjectDatabase &db, QString *error);

/// The report for a project; *error (and an empty report) when the history cannot be read.
Report compute(ProjectDatabase &db, QString *error);

// The statistics alone, exposed for tests. Each unit (item) is a list of category indices (0..k-1).
std::optional<double> cohenKappa(const QVector<std::pair<int, int>> &pairs, int categories = kCategories);
std::optional<double> fleissKappa(const QVector<QVector<int>> &units, int categories = kCategories);
std::optional<double> krippendorffAlpha(const QVector<QVector<int>> &units, int categories = kCategories);

} // namespace agreement

} // namespace nsfw
