#pragma once
// A model with its classification head replaced by one linear layer onto two classes: the head of LP-FT
// (TrainSettings::head "linear"), fitted first as a logistic-regression probe on the frozen features and then trained
// with the blocks under it. Torch-free: it edits the parsed TF.js model (topology, weights, profile), so the run's
// model folder, predict and both exports see an ordinary Keras model.

#include "model/tfjsmodel.h"

#include <QString>

#include <optional>

namespace nsfw::linearhead {

/// The name of the new layer; its weights are "<kLayer>/kernel" [features, 2] and "<kLayer>/bias" [2].
inline constexpr const char *kLayer = "linear_head";
/// The two classes of the new head, in output order; p(nsfw) is the second.
inline constexpr const char *kSafeClass = "Safe";
inline constexpr const char *kNsfwClass = "NSFW";

/// `model` with every layer after `featureLayer` (in file order) removed, and a Dense layer of two softmax units on
/// `featureLayer`'s output of `features` values, with zero weights (p(nsfw) 0.5 until fitted). The profile keeps
/// the input and the blocks and names the two classes. nullopt and *error when the model's head cannot be cut
/// there: the layer does not exist, or a layer that stays reads one that goes.
std::optional<TfjsModel> replaceHead(const TfjsModel &model, const QString &featureLayer, int features,
                                     QString *error);

} // namespace nsfw::linearhead
