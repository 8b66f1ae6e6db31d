#pragma once

#include <QString>

namespace nsfw {

/// Writes a model folder as a native LibTorch archive (torch::save of the parameters and buffers by Keras
/// layer name), for C++ users who want the weights without the TF.js reader.
bool exportNative(const QString &tfjsDir, const QString &outFile, QString *error);
/// Copies a TF.js model folder (model.json + shards) to outDir, replacing what is there atomically.
bool copyModelFolder(const QString &fromDir, const QString &outDir, QString *error);

} // namespace nsfw
