#pragma once

#include "media/mediacache.h"
#include "train/trainsettings.h"

#include <QCoreApplication>
#include <QHash>
#include <QString>
#include <QVector>

namespace nsfw {

class ProjectDatabase;

/// One image or frame as training and scoring see it.
struct Sample {
    qint64 itemId = 0;
    int label = -1; ///< 1 nsfw, 0 safe, -1 unlabeled (scored, never trained on)
    MediaRef ref;
    QString group;  ///< split group: the frames of one video share one, and so do near-copies ("near:ID")
    int fold = -1;  ///< cross-validated runs: the fold that judges it (0..folds-1)
};

/// What a run learns from and scores.
struct TrainingSet {
    QVector<Sample> train;                      ///< with folds > 1: every labeled item, each with its fold
    QVector<Sample> validation;                 ///< with folds > 1: empty (every item is judged by its fold)
    int folds = 1;
    QVector<Sample> unlabeled;                  ///< unsure and unlabeled items: scored, never trained on
    QHash<qint64, QVector<qint64>> videoFrames; ///< video id -> its frame items, for whole-video scores
    int nearDuplicateGroups = 0;                ///< groups of labeled near-copies held on one side of the split
    qint64 excluded = 0;                        ///< labeled items a person kept out of training (still scored)
    double positiveWeight = 1;                  ///< loss weights that make both classes count equally
    double negativeWeight = 1;
};

/// Reads every image and frame that is on disk with its label (safe/nsfw; a frame without a label takes its
/// video's when the settings say so) and splits the labeled ones with splitItems, or assigns them to folds with
/// assignFolds (fewer folds than asked when a class has fewer groups). Groups never straddle the split: a video's
/// frames, and near-copies (nearDuplicateGroupOf, from the hashes stored so far) with all their frames. Items a
/// person kept out of training are scored like unlabeled ones. Mode Pretrained puts every labeled item in
/// validation. False with a message a user can act on when there is too little to train on.
class TrainingSetReader
{
    Q_DECLARE_TR_FUNCTIONS(nsfw::Trainer)

public:
    static bool read(ProjectDatabase &db, const TrainSettings &settings, TrainingSet *set, QString *error);
};

} // namespace nsfw
