#pragma once

#include <QJsonObject>
#include <QStringList>

namespace nsfw::cli {

/// Runs a reference script of packaging/bench with Debian's /usr/bin/python3 (python3-torch), tcmalloc
/// preloaded, and returns the JSON object of its last output line; an object with "skipped" saying why
/// when Python, torch or the script is missing or the run failed. `required` names a key the answer has.
QJsonObject runPythonBench(const QString &script, const QStringList &arguments, const QString &required);

} // namespace nsfw::cli
