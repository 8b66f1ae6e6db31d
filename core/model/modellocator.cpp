#include "model/modellocator.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QStandardPaths>

namespace nsfw {

namespace {

QString tr(const char *text)
{
    // lupdate files the strings of a free tr() helper under the enclosing namespace: look them up there.
    return QCoreApplication::translate("nsfw", text);
}

QString folderOf(const QString &dirOrJson)
{
    const QFileInfo info(dirOrJson);
    if (info.isDir())
        return QFileInfo::exists(QDir(dirOrJson).filePath(QStringLiteral("model.json"))) ? info.absoluteFilePath()
                                                                                         : QString();
    return info.isFile() ? info.absolutePath() : QString();
}

QString howToGet()
{
    return tr("Download it with packaging/setup.sh (it fetches the pinned nsfwjs package with npm and writes the "
              "model files to %1), or pass --model DIR.")
        .arg(QDir::toNativeSeparators(userModelsDir()));
}

} // namespace

QString userModelsDir()
{
    if (const QString env = qEnvironmentVariable("NSFW_WORKBENCH_MODELS"); !env.isEmpty())
        return QDir(env).absolutePath();
    return QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation) +
           QStringLiteral("/nsfw-workbench/models");
}

QString locateModel(const QString &explicitDir, QString *error, const QString &name)
{
    QString dir;
    QString tried;
    if (!explicitDir.isEmpty()) {
        dir = folderOf(explicitDir);
        tried = explicitDir;
    } else if (const QString env = qEnvironmentVariable("NSFW_WORKBENCH_MODEL_DIR"); !env.isEmpty()) {
        dir = folderOf(env);
        tried = env + QStringLiteral(" (NSFW_WORKBENCH_MODEL_DIR)");
    } else if (qEnvironmentVariableIsEmpty("NSFW_WORKBENCH_MODELS")) {
        const QString rel = QStringLiteral("nsfw-workbench/models/%1/model.json").arg(name);
        const QString json = QStandardPaths::locate(QStandardPaths::GenericDataLocation, rel);
        dir = json.isEmpty() ? QString() : QFileInfo(json).absolutePath();
        tried = userModelsDir() + QLatin1Char('/') + name;
    } else {
        // The folder packaging/fetch-model.sh wrote to: the same variable, the same place.
        tried = userModelsDir() + QLatin1Char('/') + name;
        dir = folderOf(tried);
    }
    if (dir.isEmpty() && error)
        *error = tr("No model found at %1. ").arg(QDir::toNativeSeparators(tried)) + howToGet();
    return dir;
}

} // namespace nsfw
