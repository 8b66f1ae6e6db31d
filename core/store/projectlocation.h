#pragma once

#include <QCoreApplication>
#include <QMap>
#include <QString>

class QSqlDatabase;

namespace nsfw {

/// Where a project lives: an SQLite file (the default) or a PostgreSQL database given as a URL,
/// postgresql://user@host:port/dbname?sslmode=require (libpq's conventions: a missing part takes libpq's
/// default or PGHOST/PGUSER/...; the password comes from ~/.pgpass or PGPASSFILE; ?service= names a service file
/// entry). A password written in the URL is used to connect but never shown or stored: text() leaves it out.
class ProjectLocation
{
    Q_DECLARE_TR_FUNCTIONS(nsfw::ProjectLocation)

public:
    enum class Kind { File, Postgres };

    ProjectLocation() = default;
    /// A file path (relative to the current folder) or a postgresql:// (or postgres://) URL; an invalid URL
    /// gives an empty location and a message in *error.
    static ProjectLocation parse(const QString &text, QString *error = nullptr);
    static ProjectLocation file(const QString &path);
    /// Whether the text is meant as a server URL rather than a file name.
    static bool isServerUrl(const QString &text);

    bool isValid() const { return m_valid; }
    Kind kind() const { return m_kind; }
    bool isServer() const { return m_kind == Kind::Postgres; }
    /// The project file's absolute path (File only).
    QString filePath() const { return m_file; }
    QString host() const { return m_host; }
    int port() const { return m_port; }
    QString user() const { return m_user; }
    QString databaseName() const { return m_database; }
    /// libpq connection keywords from the URL's query (sslmode, service, connect_timeout, ...).
    QMap<QString, QString> options() const { return m_options; }

    /// What a person sees and what the tool remembers (recent projects): the file path, or the URL without a
    /// password.
    QString text() const;
    /// text() with the password, when the URL had one: for connections of this process only, never stored or shown.
    QString connectionText() const;
    /// Sets up a QPSQL connection to this database (Postgres only).
    void configure(QSqlDatabase &db) const;

    bool operator==(const ProjectLocation &other) const { return text() == other.text(); }

private:
    QString toText(bool withPassword) const;

    bool m_valid = false;
    Kind m_kind = Kind::File;
    QString m_file;
    QString m_host;
    int m_port = -1;
    QString m_user;
    QString m_password;
    QString m_database;
    QMap<QString, QString> m_options;
};

} // namespace nsfw
