#include "model/modellocator.h"

#include "model/modelprofile.h"

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

QString howToGetWithPackage()
{
    return tr("Install the nsfw-workbench-model package (it puts the model files in %1), or download them with "
              "packaging/setup.sh (it fetches the pinned nsfwjs package with npm and writes the model files to %2), "
              "or pass --model DIR.")
        .arg(QDir::toNativeSeparators(systemModelsDir()), QDir::toNativeSeparators(userModelsDir()));
}

} // namespace

QString userModelsDir()
{
    if (const QString env = qEnvironmentVariable("NSFW_WORKBENCH_MODELS"); !env.isEmpty())
        return QDir(env).absolutePath();
    return QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation) +
           QStringLiteral("/nsfw-workbench/models");
}

QString systemModelsDir()
{
    if (const QString env = qEnvironmentVariable("NSFW_WORKBENCH_SYSTEM_MODELS"); !env.isEmpty())
        return QDir(env).absolutePath();
#ifdef NSFW_SYSTEM_MODELS_DIR
    return QStringLiteral(NSFW_SYSTEM_MODELS_DIR); // packaging/deb/package.cmake: where the package installs them
#else
    return QStringLiteral("/usr/share/nsfw-workbench/models");
#endif
}

QString locateModel(const QString &explicitDir, QString *error, const QString &name)
{
    QString dir;
    QString tried;
    QString hint = howToGet();
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
        // Then the nsfw-workbench-model package's folder, after the user's own (the XDG data folders searched above
        // hold it too, unless XDG_DATA_DIRS leaves /usr/share out): an offline machine gets the model from the package.
        const QString system = systemModelsDir() + QLatin1Char('/') + name;
        if (dir.isEmpty())
            dir = folderOf(system);
        tried = userModelsDir() + QLatin1Char('/') + name + QStringLiteral(", ") + system;
        hint = howToGetWithPackage();
    } else {
        // The folder packaging/fetch-model.sh wrote to: the same variable, the same place, and nothing else.
        tried = userModelsDir() + QLatin1Char('/') + name;
        dir = folderOf(tried);
    }
    if (dir.isEmpty() && error)
        *error = tr("No model found at %1. ").arg(QDir::toNativeSeparators(tried)) + hint;
    return dir;
}

QList<ModelChoice> availableModels()
{
    QList<ModelChoice> out;
    QStringList names;
    auto add = [&](const QString &dir) {
        const QString name = QFileInfo(dir).fileName();
        if (dir.isEmpty() || names.contains(name))
            return;
        ModelChoice c{name, dir, name, 0};
        QString ignored; // an unreadable profile is reported when the model is loaded
        if (const std::optional<ModelProfile> p = ModelProfile::read(dir, &ignored)) {
            if (!p->name.isEmpty())
                c.title = p->name;
            c.blocks = int(p->blocks.size());
        }
        names << name;
        out << c;
    };
    if (const QString env = qEnvironmentVariable("NSFW_WORKBENCH_MODEL_DIR"); !env.isEmpty())
        add(folderOf(env));
    for (const QString &root : {userModelsDir(), systemModelsDir()}) {
        for (const QString &sub : QDir(root).entryList(QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name))
            add(folderOf(QDir(root).filePath(sub)));
    }
    return out;
}

} // namespace nsfw
