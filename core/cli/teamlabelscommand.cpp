// team PROJECT rule | assign | queue | review: labelling as a team (TeamLabels), on files and servers alike.
#include "commands.h"
#include "console.h"
#include "teamlabelscommand.h"

#include "store/itemstore.h"
#include "store/projectdatabase.h"
#include "store/projectteam.h"
#include "store/teamlabels.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace nsfw::cli {

namespace {

/// Who may change how the project labels: anybody on a file; the owner or an admin of a server project with roles.
QString changeRefusal(const ProjectDatabase &db)
{
    if (!db.isServer() || !db.team().rolesExist)
        return {};
    const TeamRole role = db.team().role;
    if (role == TeamRole::Owner || role == TeamRole::Admin)
        return {};
    return TeamLabels::tr("Only the owner of %1 or an admin can change its label rule or assign items; your login %2 "
                          "is %3.")
        .arg(db.displayName(), db.team().login,
             role == TeamRole::None ? TeamLabels::tr("no member") : ProjectTeam::roleName(role));
}

int ruleAction(ProjectDatabase &db, const QString &value)
{
    TeamLabels team(db);
    QString error;
    if (value.isEmpty()) {
        const auto rule = team.rule(&error);
        if (!rule) {
            err() << error << '\n';
            return 1;
        }
        out() << labelrule::name(*rule) << '\n';
        return 0;
    }
    const auto rule = labelrule::parse(value);
    if (!rule) {
        err() << tr("Unknown label rule: %1 (latest or consensus)").arg(value) << '\n';
        return 2;
    }
    if (const QString refused = changeRefusal(db); !refused.isEmpty()) {
        err() << refused << '\n';
        return 1;
    }
    if (!team.setRule(*rule, &error)) {
        err() << error << '\n';
        return 1;
    }
    out() << (*rule == LabelRule::Consensus
                  ? tr("%1 now trains on the adjudicated label of an item, else the label all its annotators give; "
                       "items they disagree on wait for a reviewer (team PROJECT review).")
                  : tr("%1 now trains on the latest label of each item, whoever gave it."))
                 .arg(db.displayName())
          << '\n';
    return 0;
}

int assignAction(ProjectDatabase &db, const TeamLabelsOptions &options)
{
    if (const QString refused = changeRefusal(db); !refused.isEmpty()) {
        err() << refused << '\n';
        return 1;
    }
    QStringList annotators = options.annotators;
    if (annotators.isEmpty() && db.isServer()) {
        // The project's annotators by default.
        QString error;
        for (const TeamMember &m : ProjectTeam(db).members(&error)) {
            if (m.role == TeamRole::Annotator)
                annotators << m.name;
        }
    }
    if (annotators.isEmpty()) {
        err() << tr("Name the annotators: --annotators NAME,NAME,... (a server project's annotators are the "
                    "default).")
              << '\n';
        return 2;
    }
    QString error;
    const auto done = TeamLabels(db).assign(annotators, options.overlap, options.seed, &error);
    if (!done) {
        err() << error << '\n';
        return 1;
    }
    if (options.json) {
        QJsonObject per;
        for (auto it = done->perAnnotator.cbegin(); it != done->perAnnotator.cend(); ++it)
            per.insert(it.key(), it.value());
        out() << QJsonDocument(QJsonObject{{QStringLiteral("items"), done->items},
                                           {QStringLiteral("overlap"), done->overlap},
                                           {QStringLiteral("ruleChanged"), done->ruleChanged},
                                           {QStringLiteral("perAnnotator"), per}})
                     .toJson(QJsonDocument::Compact)
              << '\n';
        return 0;
    }
    out() << tr("Assigned %1 items, %2 of them to two annotators.").arg(done->items).arg(done->overlap) << '\n';
    if (done->ruleChanged)
        out() << tr("The label rule is now consensus: an item two annotators label trains on the label both give, "
                    "or waits for a reviewer.")
              << '\n';
    for (const QString &name : annotators)
        out() << QStringLiteral("  %1 %2").arg(name, -24).arg(done->perAnnotator.value(name)) << '\n';
    return 0;
}

int queueAction(ProjectDatabase &db, const QString &annotator, const TeamLabelsOptions &options)
{
    QString error;
    TeamLabels team(db);
    if (annotator.isEmpty()) {
        const auto queues = team.queues(&error);
        if (!error.isEmpty()) {
            err() << error << '\n';
            return 1;
        }
        QJsonArray rows;
        for (const auto &q : queues) {
            if (options.json)
                rows.append(QJsonObject{{QStringLiteral("annotator"), q.first},
                                        {QStringLiteral("items"), q.second.first},
                                        {QStringLiteral("labeled"), q.second.second}});
            else
                out() << tr("%1 %2 items, %3 labeled").arg(q.first, -24).arg(q.second.first).arg(q.second.second)
                      << '\n';
        }
        if (options.json)
            out() << QJsonDocument(rows).toJson(QJsonDocument::Compact) << '\n';
        else if (queues.isEmpty())
            out() << tr("No queues yet: team PROJECT assign --annotators NAME,NAME [--overlap 0.1]") << '\n';
        return 0;
    }
    const QVector<qint64> ids = team.queue(annotator, !options.all, &error);
    if (!error.isEmpty()) {
        err() << error << '\n';
        return 1;
    }
    ItemStore items(db);
    QJsonArray rows;
    for (qint64 id : ids) {
        const auto item = items.item(id);
        const QString path = item ? item->path : QString();
        if (options.json)
            rows.append(QJsonObject{{QStringLiteral("id"), id}, {QStringLiteral("path"), path}});
        else
            out() << id << '\t' << path << '\n';
    }
    if (options.json)
        out() << QJsonDocument(rows).toJson(QJsonDocument::Compact) << '\n';
    return 0;
}

int reviewAction(ProjectDatabase &db, const TeamLabelsOptions &options)
{
    QString error;
    TeamLabels team(db);
    const QVector<Disagreement> queue = team.reviewQueue(&error);
    if (!error.isEmpty()) {
        err() << error << '\n';
        return 1;
    }
    QJsonArray rows;
    for (const Disagreement &d : queue) {
        QJsonObject labels;
        QStringList said;
        for (const auto &l : d.labels) {
            labels.insert(l.first, labelName(l.second));
            said << QStringLiteral("%1: %2").arg(l.first, labelName(l.second));
        }
        if (options.json) {
            QJsonObject row{{QStringLiteral("id"), d.itemId},
                            {QStringLiteral("path"), d.path},
                            {QStringLiteral("labels"), labels}};
            if (d.frameIndex >= 0)
                row.insert(QStringLiteral("frame"), d.frameIndex);
            rows.append(row);
        } else {
            out() << d.itemId << '\t' << d.path << (d.frameIndex >= 0 ? QStringLiteral(" #%1").arg(d.frameIndex) : QString())
                  << '\t' << said.join(QStringLiteral(", ")) << '\n';
        }
    }
    if (options.json) {
        out() << QJsonDocument(rows).toJson(QJsonDocument::Compact) << '\n';
        return 0;
    }
    const auto rule = team.rule();
    if (queue.isEmpty())
        out() << tr("No disagreements wait for a reviewer.") << '\n';
    else
        out() << tr("%1 items wait for a reviewer: nsfw-workbench label PROJECT LABEL ID... --adjudicate").arg(queue.size())
              << '\n';
    if (rule && *rule == LabelRule::Latest && !queue.isEmpty())
        out() << tr("(The label rule is latest: these items train on their latest label until the rule is consensus.)")
              << '\n';
    return 0;
}

} // namespace

bool isTeamLabelsAction(const QString &action)
{
    return action == QLatin1String("rule") || action == QLatin1String("assign") || action == QLatin1String("queue")
        || action == QLatin1String("review");
}

int teamLabelsCommand(const QString &project, const QString &action, const QString &argument,
                      const TeamLabelsOptions &options)
{
    auto db = openProject(project);
    if (!db)
        return 1;
    if (action == QLatin1String("rule"))
        return ruleAction(*db, argument);
    if (action == QLatin1String("assign"))
        return assignAction(*db, options);
    if (action == QLatin1String("queue"))
        return queueAction(*db, argument, options);
    return reviewAction(*db, options);
}

} // namespace nsfw::cli
