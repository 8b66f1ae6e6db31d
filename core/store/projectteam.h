#pragma once

#include <QCoreApplication>
#include <QString>
#include <QVector>

#include <optional>

class QSqlDatabase;

namespace nsfw {

class ProjectDatabase;

/// The label history source of an adjudication (a reviewer's or admin's decision on an item; "adjudicated" or
/// "adjudicated:..."): annotators' entries may not start with it.
inline constexpr char kAdjudicationSource[] = "adjudicated";

/// What a login may do in a server project. Annotators read and add their own labels; reviewers also add
/// adjudications (history entries whose source starts with "adjudicated"); admins import, train, label under any
/// name and add or remove annotators and reviewers; the owner (the login that owns the project's tables, or a
/// superuser) does everything, also migrations and making admins. None: a file project, or a server login that is
/// no member (whatever its grants allow, as before roles existed).
enum class TeamRole { None, Annotator, Reviewer, Admin, Owner };

/// One member of a project's team.
struct TeamMember {
    QString name; ///< the login (a PostgreSQL role that can log in)
    TeamRole role = TeamRole::None;
};

/// Who a connection is in its project: read when the project opens, without writing anything.
struct TeamAccess {
    QString login; ///< session_user on a server; empty for a file
    QString owner; ///< the login owning the project's tables
    TeamRole role = TeamRole::None;
    bool rolesExist = false; ///< the project's group roles exist (`team add-member` made them)
};

/// A server project's team: PostgreSQL logins granted one of the project's three group roles,
/// nsfw_<project id>_annotator, _reviewer and _admin (NOLOGIN; role names are server-wide, the project id makes them
/// this project's). The rights are the server's grants and row-level security on label_history, so they hold
/// whatever client a member uses, even their own SQL. All the SQL of roles lives here.
class ProjectTeam
{
    Q_DECLARE_TR_FUNCTIONS(nsfw::ProjectTeam)

public:
    explicit ProjectTeam(ProjectDatabase &db);

    /// "annotator", "reviewer", "admin", "owner" (or "" for None): the names the command line takes and prints.
    static QString roleName(TeamRole role);
    /// The role a name gives; nullopt for anything but annotator, reviewer and admin.
    static std::optional<TeamRole> memberRole(const QString &name);
    /// The server-wide group role of a project's role (Annotator, Reviewer or Admin).
    static QString groupRole(const QString &projectId, TeamRole role);
    /// Who the connection is (a server project: its login, whether it owns the project, its group role).
    static TeamAccess readAccess(QSqlDatabase &db, const QString &projectId);

    /// Why this connection may not manage the team ("" when it may: the owner, or an admin).
    QString manageRefusal() const;
    /// Every member with their role, owner first (role Owner). Empty and *error when it cannot be read.
    QVector<TeamMember> members(QString *error = nullptr) const;
    /// Whether the server has a login (or any role) of this name.
    bool hasLogin(const QString &name) const;
    /// Makes a login a member with one role (a member with another role changes role). The login is created with
    /// the password when the server has none of that name (which needs CREATEROLE); an existing login keeps its
    /// password (*notice says so). The first call sets the project's roles up (needs the owner, with CREATEROLE).
    bool addMember(const QString &name, TeamRole role, const QString &password, QString *notice, QString *error);
    /// Takes every role of the project from a member and ends their sessions on it where the server lets us; the
    /// login itself stays (other projects may know it). False and *error when name is no member.
    bool removeMember(const QString &name, QString *notice, QString *error);
    /// Gives the group roles their rights on every table (again): after a migration made new tables. Needs the owner;
    /// true when the project has no roles.
    bool refreshGrants(QString *error = nullptr);

private:
    bool setUpRoles(QString *error);
    bool grantRights(QString *error);
    bool run(const QString &sql, QString *error);
    QString group(TeamRole role) const;

    ProjectDatabase &m_db;
};

} // namespace nsfw
