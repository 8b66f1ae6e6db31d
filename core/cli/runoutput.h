#pragma once
// What train, evaluate and export-model print about runs, and how they find one.
#include "console.h"

#include "common/types.h"
#include "store/runstore.h"
#include "train/bootstrap.h"
#include "train/trainsettings.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonObject>
#include <QString>

#include <cmath>

namespace nsfw::cli {

inline QString fmt(double v, int decimals = 3)
{
    return std::isnan(v) ? QStringLiteral("n/a") : QString::number(v, 'f', decimals);
}

inline QJsonObject compact(const EpochMetrics &m)
{
    QJsonObject o = m.toJson();
    o.remove(QStringLiteral("curve"));
    o.remove(QStringLiteral("stepLosses"));
    return o;
}

inline QJsonArray unreadableJson(const QVector<UnreadableItem> &items)
{
    QJsonArray rows;
    for (const UnreadableItem &i : items)
        rows.append(QJsonObject{{QStringLiteral("item"), i.itemId},
                                {QStringLiteral("path"), i.path},
                                {QStringLiteral("reason"), i.reason}});
    return rows;
}

/// The items a run left out, one line each on standard error.
inline void printUnreadable(const QVector<UnreadableItem> &items)
{
    if (items.isEmpty())
        return;
    err() << QCoreApplication::translate("nsfw::cli", "%n item(s) could not be read and were left out:", nullptr,
                                         int(items.size()))
          << '\n';
    for (const UnreadableItem &i : items)
        err() << "  " << i.path << ": " << i.reason << '\n';
}

/// "0.812-0.874", or "n/a" when the bootstrap could not place it.
inline QString intervalText(const Interval &i, int decimals = 3)
{
    return i.isValid() ? QStringLiteral("%1-%2").arg(fmt(i.low, decimals), fmt(i.high, decimals)) : QStringLiteral("n/a");
}

inline QJsonValue intervalJson(const Interval &i)
{
    return i.isValid() ? QJsonValue(QJsonArray{i.low, i.high}) : QJsonValue();
}

/// The run named by runText (a number), or the latest finished one when it is empty; 0 with *error when there is none.
qint64 resolveRun(RunStore &runs, const QString &runText, QString *error);

} // namespace nsfw::cli
