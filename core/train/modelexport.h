#pragma once

#include <QString>

namespace nsfw {

/// Writes a model folder as a native LibTorch archive (outDir/model.pt: torch::save of the parameters and buffers by
/// Keras layer name), for C++ users who want the weights without the TF.js reader. outDir follows OwnedFolder's
/// rules: new or empty, or (with replace) a folder this tool wrote; anything else is refused untouched.
bool exportNative(const QString &tfjsDir, const QString &outDir, bool replace, QString *error);
/// Copies a TF.js model folder (model.json + shards) to outDir under the same rules, swapped in atomically.
bool copyModelFolder(const QString &fromDir, const QString &outDir, bool replace, QString *error);

} // namespace nsfw
