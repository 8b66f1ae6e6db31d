#include "projectlocation.h"

#include <QFileInfo>
#include <QSqlDatabase>
#include <QUrl>
#include <QUrlQuery>

namespace nsfw {

namespace {

// libpq connection keywords a URL may carry in its query. Anything else is refused rather than passed on, so a
// typo is a message, not a silently ignored option.
const QStringList kKnownOptions = {
    QStringLiteral("sslmode"),         QStringLiteral("sslrootcert"),     QStringLiteral("sslcert"),
    QStringLiteral("sslkey"),          QStringLiteral("sslcrl"),          QStringLiteral("service"),
    QStringLiteral("connect_timeout"), QStringLiteral("application_name"), QStringLiteral("options"),
    QStringLiteral("target_session_attrs"), QStringLiteral("keepalives"), QStringLiteral("keepalives_idle"),
    QStringLiteral("gssencmode"),      QStringLiteral("passfile"),
};

} // namespace

bool ProjectLocation::isServerUrl(const QString &text)
{
    return text.startsWith(QLatin1String("postgresql://"), Qt::CaseInsensitive)
           || text.startsWith(QLatin1String("postgres://"), Qt::CaseInsensitive);
}

ProjectLocation ProjectLocation::file(const QString &path)
{
    ProjectLocation l;
    l.m_kind = Kind::File;
    l.m_file = QFileInfo(path).absoluteFilePath();
    l.m_valid = !path.isEmpty();
    return l;
}

ProjectLocation ProjectLocation::parse(const QString &text, QString *error)
{
    if (!isServerUrl(text))
        return file(text);
    auto fail = [&](const QString &message) {
        if (error)
            *error = message;
        return ProjectLocation();
    };
    const QUrl url(text, QUrl::StrictMode);
    if (!url.isValid())
        return fail(tr("%1 is not a valid PostgreSQL URL: %2").arg(text, url.errorString()));
    ProjectLocation l;
    l.m_kind = Kind::Postgres;
    l.m_host = url.host(QUrl::FullyDecoded);
    l.m_port = url.port(-1);
    l.m_user = url.userName(QUrl::FullyDecoded);
    l.m_password = url.password(QUrl::FullyDecoded);
    QString path = url.path(QUrl::FullyDecoded);
    if (path.startsWith(QLatin1Char('/')))
        path.remove(0, 1);
    if (path.contains(QLatin1Char('/')))
        return fail(tr("%1: the database name cannot contain '/'.").arg(text));
    l.m_database = path;
    const QUrlQuery query(url);
    for (const auto &item : query.queryItems(QUrl::FullyDecoded)) {
        if (!kKnownOptions.contains(item.first))
            return fail(tr("%1: unknown connection option '%2' (known: %3).")
                            .arg(text, item.first, kKnownOptions.join(QStringLiteral(", "))));
        l.m_options.insert(item.first, item.second);
    }
    if (l.m_database.isEmpty() && !l.m_options.contains(QStringLiteral("service")))
        return fail(tr("%1 names no database: write postgresql://user@host:port/dbname.").arg(text));
    l.m_valid = true;
    return l;
}

QString ProjectLocation::text() const
{
    return toText(false);
}

QString ProjectLocation::connectionText() const
{
    return toText(true);
}

QString ProjectLocation::toText(bool withPassword) const
{
    if (m_kind == Kind::File)
        return m_file;
    QUrl url;
    url.setScheme(QStringLiteral("postgresql"));
    if (!m_user.isEmpty())
        url.setUserName(m_user);
    if (withPassword && !m_password.isEmpty())
        url.setPassword(m_password);
    url.setHost(m_host);
    if (m_port > 0)
        url.setPort(m_port);
    url.setPath(QLatin1Char('/') + m_database);
    if (!m_options.isEmpty()) {
        QUrlQuery query;
        for (auto it = m_options.cbegin(); it != m_options.cend(); ++it)
            query.addQueryItem(it.key(), it.value());
        url.setQuery(query);
    }
    return url.toString();
}

void ProjectLocation::configure(QSqlDatabase &db) const
{
    // An empty part is left to libpq (its defaults, PGHOST/PGPORT/PGUSER, the service file); the password, when
    // none is given, comes from PGPASSFILE or ~/.pgpass.
    db.setHostName(m_host);
    db.setPort(m_port);
    db.setUserName(m_user);
    db.setPassword(m_password);
    db.setDatabaseName(m_database);
    QStringList options;
    for (auto it = m_options.cbegin(); it != m_options.cend(); ++it) {
        QString value = it.value();
        value.replace(QLatin1Char('\\'), QStringLiteral("\\\\")).replace(QLatin1Char('\''), QStringLiteral("\\'"));
        options << it.key() + QStringLiteral("='") + value + QLatin1Char('\'');
    }
    // QPSQL joins the options into the libpq connection string with spaces (libpq's quoting applies).
    db.setConnectOptions(options.join(QLatin1Char(';')));
}

} // namespace nsfw
