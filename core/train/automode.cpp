#include "automode.h"

#include <QCoreApplication>
#include <QJsonArray>

#include <algorithm>
#include <cmath>

namespace nsfw::automode {

namespace {

QString tr(const char *text, const char *disambiguation = nullptr, int n = -1)
{
    return QCoreApplication::translate("nsfw::automode", text, disambiguation, n);
}

} // namespace

QVector<Candidate> candidates(const TrainSettings &user, int modelBlocks, int folds)
{
    auto make = [&](const QString &name, TrainSettings::Mode mode, int blocks) {
        TrainSettings s = user;
        s.mode = mode;
        s.blocks = blocks;
        s.folds = folds;
        s.learningRate = 0; // the mode's default
        s.epochs = mode == TrainSettings::Mode::Head ? 0 : user.epochs;
        s.headEpochs = user.headEpochs;
        s.flipAverage = user.flipAverage && mode != TrainSettings::Mode::Head; // head mode scores cached features
        return Candidate{name, s};
    };
    QVector<Candidate> list{make(tr("head"), TrainSettings::Mode::Head, user.blocks)};
    const int most = modelBlocks > 0 ? modelBlocks : 6;
    QVector<int> blockCounts;
    for (int b : {2, 6}) {
        const int k = std::min(b, most);
        if (!blockCounts.contains(k))
            blockCounts << k;
    }
    for (int k : blockCounts)
        list << make(tr("partial, %n block(s)", nullptr, k), TrainSettings::Mode::Partial, k);
    list << make(tr("full"), TrainSettings::Mode::Full, user.blocks);
    return list;
}

int Report::best() const
{
    int best = -1;
    for (const bool completedOnly : {true, false}) {
        for (int i = 0; i < trials.size(); ++i) {
            const Trial &t = trials[i];
            if (t.status == QLatin1String("skipped") || std::isnan(t.averagePrecision))
                continue;
            if (completedOnly && t.status != QLatin1String("tried"))
                continue;
            if (best < 0 || t.averagePrecision > trials[best].averagePrecision)
                best = i;
        }
        if (best >= 0)
            return best;
    }
    return -1;
}

void Report::decide()
{
    chosen = best();
    if (chosen < 0) {
        reason = tr("No candidate could be tried within the budget.");
        return;
    }
    const Trial &c = trials[chosen];
    QStringList others;
    for (int i = 0; i < trials.size(); ++i) {
        if (i == chosen)
            continue;
        const Trial &t = trials[i];
        others << (t.status == QLatin1String("skipped")
                       ? tr("%1 not tried (budget)").arg(t.name)
                       : QStringLiteral("%1 %2%3")
                             .arg(t.name)
                             .arg(t.averagePrecision, 0, 'f', 3)
                             .arg(t.status == QLatin1String("stopped") ? tr(" (stopped early)") : QString()));
    }
    const QString what = crossValidated ? tr("pooled out-of-fold AP") : tr("validation AP");
    reason = others.isEmpty() ? tr("%1: %2 %3, the only candidate tried.").arg(c.name, what).arg(c.averagePrecision, 0, 'f', 3)
                              : tr("%1: %2 %3, the highest (%4).")
                                    .arg(c.name, what)
                                    .arg(c.averagePrecision, 0, 'f', 3)
                                    .arg(others.join(QStringLiteral("; ")));
}

QJsonObject Report::toJson() const
{
    QJsonArray rows;
    for (const Trial &t : trials) {
        rows.append(QJsonObject{{QStringLiteral("name"), t.name},
                                {QStringLiteral("settings"), t.settings},
                                {QStringLiteral("status"), t.status},
                                {QStringLiteral("ap"), std::isnan(t.averagePrecision) ? QJsonValue() : QJsonValue(t.averagePrecision)},
                                {QStringLiteral("bestEpoch"), t.bestEpoch},
                                {QStringLiteral("seconds"), t.seconds}});
    }
    return {{QStringLiteral("candidates"), rows},
            {QStringLiteral("chosen"), chosen},
            {QStringLiteral("reason"), reason},
            {QStringLiteral("budgetSeconds"), budgetSeconds},
            {QStringLiteral("crossValidated"), crossValidated}};
}

Report Report::fromJson(const QJsonObject &o)
{
    Report r;
    for (const QJsonValue v : o.value(QStringLiteral("candidates")).toArray()) {
        const QJsonObject t = v.toObject();
        r.trials.append({t.value(QStringLiteral("name")).toString(), t.value(QStringLiteral("settings")).toObject(),
                         t.value(QStringLiteral("status")).toString(), t.value(QStringLiteral("ap")).toDouble(qQNaN()),
                         t.value(QStringLiteral("bestEpoch")).toInt(-1), t.value(QStringLiteral("seconds")).toDouble()});
    }
    r.chosen = o.value(QStringLiteral("chosen")).toInt(-1);
    r.reason = o.value(QStringLiteral("reason")).toString();
    r.budgetSeconds = o.value(QStringLiteral("budgetSeconds")).toDouble();
    r.crossValidated = o.value(QStringLiteral("crossValidated")).toBool();
    return r;
}

} // namespace nsfw::automode
