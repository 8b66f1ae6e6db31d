// team: the members of a server project and their roles (ProjectTeam): add-member, remove-member, list; and
// labelling as a team on any project (teamlabelscommand.cpp): rule, assign, queue, review.
#include "commands.h"
#include "console.h"
#include "teamlabelscommand.h"

#include "store/projectdatabase.h"
#include "store/projectteam.h"

#include <QCommandLineParser>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <cstdio>
#include <termios.h>
#include <unistd.h>

namespace nsfw::cli {

namespace {

/// The environment variable a script hands a new member's password in (never an argument: ps shows those).
constexpr const char *kPasswordVariable = "NSFW_WORKBENCH_MEMBER_PASSWORD";

/// One line typed at the terminal without echo.
QString readHidden(const QString &prompt)
{
    err() << prompt;
    err().flush();
    termios saved{};
    const bool terminal = tcgetattr(STDIN_FILENO, &saved) == 0;
    if (terminal) {
        termios quiet = saved;
        quiet.c_lflag &= ~tcflag_t(ECHO);
        tcsetattr(STDIN_FILENO, TCSANOW, &quiet);
    }
    QTextStream in(stdin);
    const QString line = in.readLine();
    if (terminal)
        tcsetattr(STDIN_FILENO, TCSANOW, &saved);
    err() << '\n';
    return line;
}

/// The password of a new login: --password-file (its first line), NSFW_WORKBENCH_MEMBER_PASSWORD, or typed twice at
/// a terminal; "" for none. False (printed) when the file cannot be read or the two typed differ.
bool newPassword(const QString &file, const QString &name, QString *password)
{
    if (!file.isEmpty()) {
        QFile f(file);
        if (!f.open(QIODevice::ReadOnly)) {
            err() << tr("Cannot read the password file %1: %2").arg(file, f.errorString()) << '\n';
            return false;
        }
        *password = QString::fromUtf8(f.readLine()).remove(QLatin1Char('\n')).remove(QLatin1Char('\r'));
        if (password->isEmpty()) {
            err() << tr("The password file %1 is empty.").arg(file) << '\n';
            return false;
        }
        return true;
    }
    if (!qEnvironmentVariableIsEmpty(kPasswordVariable)) {
        *password = qEnvironmentVariable(kPasswordVariable);
        return true;
    }
    if (isatty(STDIN_FILENO) == 0)
        return true; // no password: the login connects only where the server trusts it
    *password = readHidden(tr("Password for the new login %1 (empty for none): ").arg(name));
    if (!password->isEmpty() && readHidden(tr("The same password again: ")) != *password) {
        err() << tr("The two passwords differ; nothing was changed.") << '\n';
        return false;
    }
    return true;
}

int list(ProjectTeam &team, const ProjectDatabase &db, bool json)
{
    QString error;
    const QVector<TeamMember> members = team.members(&error);
    if (!error.isEmpty()) {
        err() << error << '\n';
        return 1;
    }
    if (json) {
        QJsonArray rows;
        for (const TeamMember &m : members)
            rows.append(
                QJsonObject{{QStringLiteral("name"), m.name}, {QStringLiteral("role"), ProjectTeam::roleName(m.role)}});
        out() << QJsonDocument(QJsonObject{{QStringLiteral("project"), db.displayName()},
                                           {QStringLiteral("rolesSetUp"), db.team().rolesExist},
                                           {QStringLiteral("members"), rows}})
                     .toJson(QJsonDocument::Indented);
        return 0;
    }
    out() << QStringLiteral("%1 %2").arg(tr("name"), -32).arg(tr("role")) << '\n';
    for (const TeamMember &m : members)
        out() << QStringLiteral("%1 %2").arg(m.name, -32).arg(ProjectTeam::roleName(m.role)) << '\n';
    if (members.size() <= 1)
        out() << tr("(no members yet: `nsfw-workbench team PROJECT add-member NAME --role annotator`)") << '\n';
    return 0;
}

} // namespace

int teamCommand(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        tr("The members of a server project and their roles. A member is a PostgreSQL login; the server itself "
           "holds them to their role, whatever program they use: an annotator reads and adds labels under their own "
           "login; a reviewer also adjudicates; an admin also imports, trains and adds or removes annotators and "
           "reviewers. Only the project's owner or an admin manages members (only the owner makes admins).\n"
           "  team PROJECT list [--json]\n"
           "  team PROJECT add-member NAME --role annotator|reviewer|admin [--password-file FILE]\n"
           "  team PROJECT remove-member NAME\n"
           "A new login's password comes from --password-file (its first line), the environment variable %1, or is "
           "typed at the terminal; an existing login keeps its own.\n"
           "Labelling as a team, on a file or a server project:\n"
           "  team PROJECT rule [latest|consensus]: show or set which label of an item training uses: the latest "
           "(the default), or the adjudicated one, else the one all its annotators give (disagreements wait for a "
           "reviewer)\n"
           "  team PROJECT assign [--annotators NAME,...] [--overlap F] [--seed S]: deal the items in nobody's queue "
           "to the annotators, a share F of them to two\n"
           "  team PROJECT queue [NAME] [--all] [--json]: the queues, or the items NAME has still to label\n"
           "  team PROJECT review [--json]: the items whose annotators disagree, for a reviewer "
           "(label PROJECT LABEL ID... --adjudicate settles them)")
            .arg(QLatin1String(kPasswordVariable)));
    parser.addPositionalArgument(QStringLiteral("PROJECT"), tr("The project: a postgresql:// URL (rule, assign, queue and review: a file too)."));
    parser.addPositionalArgument(QStringLiteral("ACTION"), tr("list, add-member, remove-member, rule, assign, queue or review."));
    parser.addPositionalArgument(QStringLiteral("NAME"), tr("The member's login."), QStringLiteral("[NAME]"));
    const QCommandLineOption role(QStringLiteral("role"), tr("add-member: annotator, reviewer or admin."),
                                  QStringLiteral("ROLE"));
    const QCommandLineOption passwordFile(QStringLiteral("password-file"),
                                          tr("add-member: the new login's password, the first line of FILE."),
                                          QStringLiteral("FILE"));
    const QCommandLineOption json(QStringLiteral("json"),
                                  tr("list: print {\"project\", \"rolesSetUp\", \"members\": [{\"name\", \"role\"}]}, "
                                     "the owner first (role \"owner\")."));
    const QCommandLineOption annotators(QStringLiteral("annotators"),
                                        tr("assign: the annotators, separated by commas (default: a server project's "
                                           "annotators)."),
                                        QStringLiteral("NAMES"));
    const QCommandLineOption overlap(QStringLiteral("overlap"),
                                     tr("assign: the share of items given to two annotators, 0 to 1 (default: the "
                                        "share given last, else 0)."),
                                     QStringLiteral("F"));
    const QCommandLineOption seed(QStringLiteral("seed"), tr("assign: the seed of the order items are dealt in."),
                                  QStringLiteral("S"), QStringLiteral("1"));
    const QCommandLineOption all(QStringLiteral("all"), tr("queue NAME: the items they labelled too."));
    parser.addOptions({role, passwordFile, json, annotators, overlap, seed, all});
    int status = 0;
    if (!parseArguments(parser, arguments, &status))
        return status;
    const QStringList positional = parser.positionalArguments();
    const QString action = positional.value(1);
    if (isTeamLabelsAction(action)) {
        const bool takesArgument = action == QLatin1String("rule") || action == QLatin1String("queue");
        if (positional.size() > (takesArgument ? 3 : 2)) {
            err() << tr("Usage: team PROJECT rule [latest|consensus] | assign [--annotators NAMES] [--overlap F] | "
                        "queue [NAME] | review")
                  << '\n';
            return 2;
        }
        TeamLabelsOptions options;
        for (const QString &name : parser.value(annotators).split(QLatin1Char(','), Qt::SkipEmptyParts))
            options.annotators << name.trimmed();
        if (parser.isSet(overlap)) {
            bool ok = false;
            options.overlap = parser.value(overlap).toDouble(&ok);
            if (!ok) {
                err() << tr("--overlap takes a share from 0 to 1, not %1").arg(parser.value(overlap)) << '\n';
                return 2;
            }
        }
        options.seed = parser.value(seed).toULongLong();
        options.all = parser.isSet(all);
        options.json = parser.isSet(json);
        return teamLabelsCommand(positional.first(), action, positional.value(2), options);
    }
    const bool needsName = action == QLatin1String("add-member") || action == QLatin1String("remove-member");
    if (!(action == QLatin1String("list") && positional.size() == 2) && !(needsName && positional.size() == 3)) {
        err() << tr("Usage: team PROJECT list | add-member NAME --role ROLE | remove-member NAME") << '\n';
        return 2;
    }
    std::optional<TeamRole> memberRole;
    if (action == QLatin1String("add-member")) {
        memberRole = ProjectTeam::memberRole(parser.value(role));
        if (!memberRole) {
            err() << tr("add-member needs --role annotator, reviewer or admin.") << '\n';
            return 2;
        }
    }

    auto db = openProject(positional.first());
    if (!db)
        return 1;
    ProjectTeam team(*db);
    if (const QString refused = team.manageRefusal(); !refused.isEmpty()) {
        err() << refused << '\n';
        return 1;
    }
    if (action == QLatin1String("list"))
        return list(team, *db, parser.isSet(json));

    const QString name = positional.at(2);
    QString notice;
    QString error;
    if (action == QLatin1String("remove-member")) {
        if (!team.removeMember(name, &notice, &error)) {
            err() << error << '\n';
            return 1;
        }
        out() << tr("%1 is no longer a member of %2.").arg(name, db->displayName()) << '\n';
        err() << notice << '\n';
        return 0;
    }
    QString password;
    const bool existing = team.hasLogin(name);
    if (!existing && !newPassword(parser.value(passwordFile), name, &password))
        return 1;
    if (existing && parser.isSet(passwordFile))
        err() << tr("%1 is an existing login: its password is left as it is (--password-file not used).").arg(name)
              << '\n';
    if (!team.addMember(name, *memberRole, password, &notice, &error)) {
        err() << error << '\n';
        return 1;
    }
    err() << notice << '\n';
    out()
        << tr("%1 is a member of %2 with the role %3.").arg(name, db->displayName(), ProjectTeam::roleName(*memberRole))
        << '\n';
    return 0;
}

} // namespace nsfw::cli
