#include "pythonbench.h"

#include "console.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QJsonDocument>
#include <QProcess>

namespace nsfw::cli {

namespace {

QString findScript(const QString &name)
{
    const QStringList candidates = {
        qEnvironmentVariable("NSFW_WORKBENCH_BENCH_DIR"),
        QCoreApplication::applicationDirPath() + QStringLiteral("/../share/nsfw-workbench/bench"),
        QStringLiteral(NSFW_SOURCE_DIR "/packaging/bench"),
    };
    for (const QString &dir : candidates) {
        if (!dir.isEmpty() && QFileInfo::exists(dir + QLatin1Char('/') + name))
            return QDir(dir).filePath(name);
    }
    return {};
}

QString tcmallocLibrary()
{
    for (const char *p : {"/usr/lib/x86_64-linux-gnu/libtcmalloc_minimal.so.4",
                          "/usr/lib/aarch64-linux-gnu/libtcmalloc_minimal.so.4", "/usr/lib/libtcmalloc_minimal.so.4",
                          "/usr/lib64/libtcmalloc_minimal.so.4"}) {
        if (QFileInfo::exists(QLatin1String(p)))
            return QLatin1String(p);
    }
    return {};
}

} // namespace

QJsonObject runPythonBench(const QString &scriptName, const QStringList &arguments, const QString &required)
{
    const QString python = QStringLiteral("/usr/bin/python3"); // Debian's, where python3-torch lives
    const QString script = findScript(scriptName);
    if (!QFileInfo::exists(python))
        return {{QStringLiteral("skipped"), tr("/usr/bin/python3 not found")}};
    if (script.isEmpty())
        return {{QStringLiteral("skipped"), tr("packaging/bench/%1 not found").arg(scriptName)}};
    QProcess probe;
    probe.start(python, {QStringLiteral("-c"), QStringLiteral("import torch, torchvision")});
    if (!probe.waitForFinished(60000) || probe.exitCode() != 0)
        return {{QStringLiteral("skipped"), tr("python3-torch / python3-torchvision not installed")}};
    QProcess proc;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    const QString tcmalloc = tcmallocLibrary();
    if (!tcmalloc.isEmpty())
        env.insert(QStringLiteral("LD_PRELOAD"), tcmalloc);
    proc.setProcessEnvironment(env);
    proc.start(python, QStringList{script} + arguments);
    if (!proc.waitForFinished(1200000) || proc.exitStatus() != QProcess::NormalExit || proc.exitCode() != 0) {
        proc.kill();
        return {{QStringLiteral("skipped"),
                 tr("the Python benchmark failed: %1").arg(QString::fromUtf8(proc.readAllStandardError()).trimmed())}};
    }
    const QList<QByteArray> lines = proc.readAllStandardOutput().trimmed().split('\n');
    QJsonObject result = QJsonDocument::fromJson(lines.last()).object();
    if (!result.contains(required))
        return {{QStringLiteral("skipped"), tr("unexpected output from the Python benchmark")}};
    result.insert(QStringLiteral("ld_preload"), tcmalloc);
    return result;
}

} // namespace nsfw::cli
