#pragma once

#include "common/types.h"
#include "labelrule.h"

#include <QCoreApplication>
#include <QHash>
#include <QString>
#include <QStringList>
#include <QVector>

#include <optional>

namespace nsfw {

class ProjectDatabase;

/// An item whose annotators disagree and that no adjudication settles: the reviewer's queue.
struct Disagreement {
    qint64 itemId = 0;
    QString path; ///< as stored (a frame: its video's path)
    int frameIndex = -1;
    QVector<std::pair<QString, Label>> labels; ///< each annotator's latest own label, by name
};

/// What TeamLabels::assign did.
struct Assignment {
    int items = 0;       ///< items newly assigned
    int overlap = 0;     ///< of those, given to two annotators
    QHash<QString, int> perAnnotator; ///< new assignments by annotator
    bool ruleChanged = false;         ///< the label rule was latest and is now consensus (an overlap needs it)
};

/// Labelling as a team (issue 16 parts 2 and 3): the project's label rule, each annotator's queue with an overlap
/// share labelled twice, and the reviewer's queue of disagreements. Works on files (several annotators on one
/// machine) and servers; on a server the grants decide who may change the rule or assign (an admin).
class TeamLabels
{
    Q_DECLARE_TR_FUNCTIONS(nsfw::TeamLabels)

public:
    explicit TeamLabels(ProjectDatabase &db);

    /// The project's label rule (Latest when it never was set); nullopt and *error when meta cannot be read.
    std::optional<LabelRule> rule(QString *error = nullptr) const;
    /// Sets the rule and recomputes every item's label under it, in one transaction.
    bool setRule(LabelRule rule, QString *error);
    /// The overlap share the last assign() used (0 before any).
    double overlapShare() const;

    /// Puts every image and video not yet in anybody's queue into the queue of one of `annotators`, spread evenly
    /// in a random order (seeded), and a share `overlap` (0-1) of them into a second one's too. A video's frames go
    /// with the video. The share is kept for the next call (nullopt: the kept one). Needs two annotators for any
    /// overlap. An overlap labelled under the latest rule would let the second label overwrite the first: the rule
    /// becomes consensus with it. nullopt and *error when nothing was written.
    std::optional<Assignment> assign(const QStringList &annotators, std::optional<double> overlap, quint64 seed,
                                     QString *error);
    /// The items in an annotator's queue, in id order: all of them, or only those they have not labelled yet. A
    /// video's frames are part of its assignment and are not listed.
    QVector<qint64> queue(const QString &annotator, bool pendingOnly, QString *error = nullptr) const;
    /// Whether any item is in a queue (cheap: the window asks on every refresh).
    bool hasQueues() const;
    /// The annotators of every queue with how many items they hold and how many of them they labelled.
    QVector<std::pair<QString, std::pair<int, int>>> queues(QString *error = nullptr) const;
    /// Items where the annotators' latest own labels differ and no adjudication stands, by item id.
    QVector<Disagreement> reviewQueue(QString *error = nullptr) const;

private:
    ProjectDatabase &m_db;
};

} // namespace nsfw
