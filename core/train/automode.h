#pragma once

#include "train/trainsettings.h"

#include <QJsonObject>
#include <QString>
#include <QVector>

namespace nsfw::automode {

/// One configuration auto mode may try.
struct Candidate {
    QString name; ///< "partial, 6 blocks"
    TrainSettings settings;
};

/// What auto mode does with the user's settings: the candidates, cheapest first. Head (30 epochs at 1e-3); partial
/// with 2 blocks and with the usual 6 (capped by the model's blocks, each once), and full, with their default rates
/// and the head trained first. Each keeps the user's split or folds (`folds`: the run's), seed, batch, threshold,
/// augmentation and recipes; the user's epochs, when set, go to every candidate but head.
QVector<Candidate> candidates(const TrainSettings &user, int modelBlocks, int folds);

/// How one candidate went.
struct Trial {
    QString name;
    QJsonObject settings; ///< the candidate's TrainSettings::toJson()
    /// tried; stopped (the share of the budget for trying ran out during it); skipped (it ran out before)
    QString status;
    double averagePrecision = qQNaN(); ///< its best epoch's validation AP (pooled out-of-fold when cross-validated)
    int bestEpoch = -1;
    double seconds = 0;
};

/// What auto mode tried and why it chose: stored with the run (its settings' "auto").
struct Report {
    QVector<Trial> trials;
    int chosen = -1;  ///< index into trials
    QString reason;   ///< one sentence, in the run's language
    double budgetSeconds = 0;
    bool crossValidated = false;

    /// The best completed trial by AP (ties: the one tried first, the cheaper); a stopped one only when none
    /// completed. -1 when nothing was tried.
    int best() const;
    /// Sets chosen and reason from best().
    void decide();
    QJsonObject toJson() const;
    static Report fromJson(const QJsonObject &o);
};

} // namespace nsfw::automode
