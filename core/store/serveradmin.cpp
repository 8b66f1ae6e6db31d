#include "serveradmin.h"

#include "common/logging.h"
#include "projectlocation.h"

#include <QRandomGenerator>
#include <QRegularExpression>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QUrl>

#include <atomic>

namespace nsfw {

namespace {

std::atomic<int> s_counter{0};

bool validName(const QString &name)
{
    static const QRegularExpression kName(QStringLiteral("^[a-z_][a-z0-9_]{0,62}$"));
    return kName.match(name).hasMatch();
}

/// Runs one statement on a connection of its own to the admin URL's database; false and *error on failure.
bool runAsAdmin(const QString &adminUrl, const QString &sql, QString *error)
{
    QString why;
    const ProjectLocation admin = ProjectLocation::parse(adminUrl, &why);
    if (!admin.isValid() || !admin.isServer()) {
        if (error)
            *error = why.isEmpty() ? ServerAdmin::tr("%1 is not a postgresql:// URL.").arg(adminUrl) : why;
        return false;
    }
    const QString connection = QStringLiteral("nsfw-admin-%1").arg(s_counter.fetch_add(1));
    bool done = false;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), connection);
        admin.configure(db);
        if (!db.open()) {
            why = ServerAdmin::tr("Cannot connect to %1: %2").arg(admin.text(), db.lastError().text());
        } else {
            QSqlQuery q(db);
            done = q.exec(sql);
            if (!done)
                why = ServerAdmin::tr("%1 failed on %2: %3").arg(sql, admin.text(), q.lastError().text());
        }
        db.close();
    }
    QSqlDatabase::removeDatabase(connection);
    if (!done) {
        qCWarning(lcStore) << why;
        if (error)
            *error = why;
    }
    return done;
}

} // namespace

QString ServerAdmin::createDatabase(const QString &adminUrl, const QString &name, QString *error)
{
    if (!validName(name)) {
        if (error)
            *error = tr("%1 is not a database name this tool makes (lower-case letters, digits and _).").arg(name);
        return {};
    }
    // An identifier cannot be a bound parameter; the name was checked above.
    if (!runAsAdmin(adminUrl, QStringLiteral("CREATE DATABASE ") + name, error))
        return {};
    QUrl url(adminUrl);
    url.setPath(QLatin1Char('/') + name);
    return url.toString();
}

bool ServerAdmin::dropDatabase(const QString &adminUrl, const QString &name, QString *error)
{
    if (!validName(name)) {
        if (error)
            *error = tr("%1 is not a database name this tool makes (lower-case letters, digits and _).").arg(name);
        return false;
    }
    return runAsAdmin(adminUrl, QStringLiteral("DROP DATABASE IF EXISTS %1 WITH (FORCE)").arg(name), error);
}

QString ServerAdmin::uniqueName(const QString &prefix)
{
    return QStringLiteral("%1_%2_%3")
        .arg(prefix)
        .arg(QCoreApplication::applicationPid())
        .arg(QRandomGenerator::global()->generate() & 0xffffff, 6, 16, QLatin1Char('0'));
}

} // namespace nsfw
