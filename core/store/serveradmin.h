#pragma once

#include <QCoreApplication>
#include <QString>

namespace nsfw {

/// What is done on a PostgreSQL server outside any project: making and dropping whole databases, through an
/// administrator's URL (a database such as postgres on the server, by a user allowed to CREATE DATABASE).
/// Benchmarks and tools that need a fresh project database use it; a project never does.
class ServerAdmin
{
    Q_DECLARE_TR_FUNCTIONS(nsfw::ServerAdmin)

public:
    /// Creates an empty database named name (lower-case letters, digits and _ only) on the server of adminUrl;
    /// returns its URL (adminUrl with the database replaced), or "" and *error.
    static QString createDatabase(const QString &adminUrl, const QString &name, QString *error = nullptr);
    /// Drops the database named name on the server of adminUrl, ending its sessions; false and *error when refused.
    static bool dropDatabase(const QString &adminUrl, const QString &name, QString *error = nullptr);
    /// A database name of the given prefix, unique enough for a server shared by many runs.
    static QString uniqueName(const QString &prefix);
};

} // namespace nsfw
