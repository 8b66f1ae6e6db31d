#pragma once
// Torch-side header: only for the training room's .cpp files.

#include "model/kerasgraph.h"

#include <QString>

namespace nsfw {

/// Writes `graph`'s weights as a TF.js Layers model folder: `base`'s model.json (topology kept) with a
/// float32 weights manifest in the original order and one binary shard, and `profile` as profile.json (so whoever
/// loads the run's model prepares pictures and reads p(nsfw) as the trainer did). The folder is replaced
/// atomically: a reader sees the old model or the new one, never half of one.
bool writeTfjsModel(const TfjsModel &base, const KerasGraph &graph, const ModelProfile &profile, const QString &dir,
                    QString *error);

} // namespace nsfw
