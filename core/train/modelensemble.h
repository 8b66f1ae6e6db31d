#pragma once
// An ensemble of fine-tuned models as one TF.js Layers model (TrainSettings::ensemble). Torch-free: it works on the
// members' model.json and shards, so everything that reads a model (predict, the exports, video scoring) takes an
// ensemble as it takes any other model.

#include <QString>
#include <QStringList>

namespace nsfw {

/// The layer that averages the members' outputs, the ensemble's output.
inline constexpr const char *kEnsembleAverageLayer = "ensemble_average";

/// Writes the members (TF.js model folders of one topology, fine-tuned from one base model, each with one output) as
/// one model in outDir: the layers every member has with the same weights and fed only by such layers (the frozen
/// prefix of partial fine-tuning) once; each member's own layers once per member, the first member's under their
/// names and the k-th's renamed "<name>_m<k>"; and an Average layer over the members' outputs as the model's output,
/// so its class probabilities are the mean of the members'. The first member's profile.json is kept. outDir follows
/// OwnedFolder's rules (new or empty, or a folder this tool wrote, which is replaced). False and *error when a member
/// cannot be read, the members differ in topology, or they share every layer (nothing to average).
bool writeEnsembleModel(const QStringList &memberDirs, const QString &outDir, QString *error);

} // namespace nsfw
