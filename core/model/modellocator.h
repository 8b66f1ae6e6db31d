#pragma once

#include <QList>
#include <QString>

namespace nsfw {

/// The pretrained model used when none is named.
inline constexpr const char *kDefaultModelName = "mobilenet_v2";

/// Finds the model folder: `explicitDir` when given (a folder with model.json, or the model.json itself), else
/// $NSFW_WORKBENCH_MODEL_DIR (one model's folder), else $NSFW_WORKBENCH_MODELS/<name> alone when that is set, else
/// <name>/model.json in userModelsDir() (or another XDG data folder's nsfw-workbench/models), then systemModelsDir().
/// Returns the folder, or an empty string and a translated message telling the user how to get the model.
QString locateModel(const QString &explicitDir, QString *error, const QString &name = QLatin1String(kDefaultModelName));

/// Where packaging/setup.sh installs models: $NSFW_WORKBENCH_MODELS when set (the set-up script honours it too),
/// else <data home>/nsfw-workbench/models.
QString userModelsDir();

/// Where the nsfw-workbench-model package installs models (/usr/share/nsfw-workbench/models), the fallback after the
/// user's folder; $NSFW_WORKBENCH_SYSTEM_MODELS replaces it (a relocated install, the tests).
QString systemModelsDir();

/// A pretrained model the user can choose.
struct ModelChoice {
    QString name;  ///< its folder's name, e.g. "inception_v3"
    QString dir;   ///< its folder
    QString title; ///< the profile's name when it has one, else the folder's name
    int blocks = 0; ///< the blocks its profile names (0: none named, partial mode counts layers with weights)
};

/// The models found: $NSFW_WORKBENCH_MODEL_DIR's, then the folders with a model.json in userModelsDir() and
/// systemModelsDir() (a name found in both: the user's), sorted by name within each place.
QList<ModelChoice> availableModels();

} // namespace nsfw
