// Roles of a server project. Three NOLOGIN group roles per project, named after its id (role names are server-wide);
// members are LOGIN roles granted one of them. What each may do is the server's own business: table grants, and
// row-level security on label_history (an annotator's or reviewer's entries carry their own login; only reviewers and
// admins write adjudications). The current-label trigger and the row lock of a label write are SECURITY DEFINER
// functions owned by the project's owner (migration 10), so a member that may not touch items still moves its label.
#include "projectteam.h"

#include "common/logging.h"
#include "projectdatabase.h"

#include <QSqlError>
#include <QSqlQuery>

#include <algorithm>

namespace nsfw {

namespace {

/// The SQLSTATE of "permission denied" (also a row refused by a row-level security policy).
constexpr const char *kInsufficientPrivilege = "42501";

/// An identifier quoted for SQL: the utility statements below (CREATE ROLE, GRANT) take no bound parameters.
QString ident(const QString &name)
{
    QString quoted = name;
    quoted.replace(QLatin1Char('"'), QLatin1String("\"\""));
    return QLatin1Char('"') + quoted + QLatin1Char('"');
}

const TeamRole kMemberRoles[] = {TeamRole::Annotator, TeamRole::Reviewer, TeamRole::Admin};

/// The roles a login is granted directly (not through another role: an admin holds the annotator's role to grant it).
bool heldRoles(QSqlDatabase &db, const QString &login, QStringList *held, QString *error)
{
    QSqlQuery q(db);
    q.prepare(QStringLiteral("SELECT r.rolname FROM pg_catalog.pg_auth_members m"
                             " JOIN pg_catalog.pg_roles r ON r.oid = m.roleid"
                             " JOIN pg_catalog.pg_roles u ON u.oid = m.member WHERE u.rolname = ?"));
    q.addBindValue(login);
    if (!q.exec()) {
        if (error)
            *error = q.lastError().text();
        return false;
    }
    while (q.next())
        *held << q.value(0).toString();
    return true;
}

} // namespace

ProjectTeam::ProjectTeam(ProjectDatabase &db)
    : m_db(db)
{
}

QString ProjectTeam::roleName(TeamRole role)
{
    switch (role) {
    case TeamRole::Annotator:
        return QStringLiteral("annotator");
    case TeamRole::Reviewer:
        return QStringLiteral("reviewer");
    case TeamRole::Admin:
        return QStringLiteral("admin");
    case TeamRole::Owner:
        return QStringLiteral("owner");
    case TeamRole::None:
        break;
    }
    return {};
}

std::optional<TeamRole> ProjectTeam::memberRole(const QString &name)
{
    for (TeamRole role : kMemberRoles) {
        if (name == roleName(role))
            return role;
    }
    return std::nullopt;
}

QString ProjectTeam::groupRole(const QString &projectId, TeamRole role)
{
    return QStringLiteral("nsfw_%1_%2").arg(projectId, roleName(role));
}

QString ProjectTeam::group(TeamRole role) const
{
    return groupRole(m_db.projectId(), role);
}

TeamAccess ProjectTeam::readAccess(QSqlDatabase &db, const QString &projectId)
{
    TeamAccess access;
    QSqlQuery q(db);
    // The owner is whoever owns the project's tables (nsfw_project stands for them), or a superuser; a database
    // without them yet (a new project) is its creator's. pg_has_role is true for a superuser, and for members of the
    // owning role.
    const QString owner = QStringLiteral("(SELECT c.relowner FROM pg_catalog.pg_class c"
                                         " WHERE c.oid = to_regclass('nsfw_project'))");
    q.prepare(QStringLiteral("SELECT session_user, pg_get_userbyid(%1),"
                             " coalesce(pg_has_role(session_user, %1, 'USAGE'), true),"
                             " EXISTS (SELECT 1 FROM pg_catalog.pg_roles WHERE rolname = ?),"
                             " (SELECT string_agg(r.rolname, ',') FROM pg_catalog.pg_auth_members m"
                             "  JOIN pg_catalog.pg_roles r ON r.oid = m.roleid"
                             "  JOIN pg_catalog.pg_roles u ON u.oid = m.member"
                             "  WHERE u.rolname = session_user AND r.rolname IN (?, ?, ?))")
                  .arg(owner));
    q.addBindValue(groupRole(projectId, TeamRole::Annotator));
    for (TeamRole role : kMemberRoles)
        q.addBindValue(groupRole(projectId, role));
    if (!q.exec() || !q.next()) {
        qCWarning(lcStore) << "cannot read the connection's role:" << q.lastError().text();
        return access;
    }
    access.login = q.value(0).toString();
    access.owner = q.value(1).toString();
    const bool owns = q.value(2).toBool();
    access.rolesExist = !projectId.isEmpty() && q.value(3).toBool();
    const QStringList groups = q.value(4).toString().split(QLatin1Char(','), Qt::SkipEmptyParts);
    if (owns) {
        access.role = TeamRole::Owner;
    } else if (!projectId.isEmpty()) {
        // A login given two roles (by hand) has the widest.
        for (TeamRole role : kMemberRoles) {
            if (groups.contains(groupRole(projectId, role)))
                access.role = role;
        }
    }
    return access;
}

QString ProjectTeam::manageRefusal() const
{
    if (!m_db.isServer())
        return tr("Roles need a server project: %1 is a file, which has no logins. Copy it to a PostgreSQL database "
                  "first (`nsfw-workbench copy-project %1 postgresql://...`).")
            .arg(m_db.displayName());
    const TeamRole role = m_db.team().role;
    if (role == TeamRole::Owner || role == TeamRole::Admin)
        return {};
    return tr("Only the owner of %1 (%2) or an admin can manage its members; your login %3 is %4.")
        .arg(m_db.displayName(), m_db.team().owner, m_db.team().login,
             role == TeamRole::None ? tr("no member") : tr("a member with the role %1").arg(roleName(role)));
}

bool ProjectTeam::run(const QString &sql, QString *error)
{
    QSqlQuery q(m_db.db());
    if (q.exec(sql))
        return true;
    if (error)
        *error = q.lastError().nativeErrorCode() == QLatin1String(kInsufficientPrivilege)
                     ? tr("The server refused: %1").arg(q.lastError().databaseText())
                     : q.lastError().text();
    qCWarning(lcStore) << "team:" << sql << q.lastError().text();
    return false;
}

bool ProjectTeam::setUpRoles(QString *error)
{
    // Not prepared: a prepared statement freed after the transaction failed makes the driver complain. The group
    // names are ours (letters, digits, _).
    QSqlQuery q(m_db.db());
    for (TeamRole role : kMemberRoles) {
        if (!q.exec(QStringLiteral("SELECT 1 FROM pg_catalog.pg_roles WHERE rolname = '%1'").arg(group(role)))) {
            if (error)
                *error = q.lastError().text();
            return false;
        }
        const bool exists = q.next();
        q.finish();
        if (exists)
            continue;
        // Admins do not inherit the annotator's and reviewer's rights (nor their row policies); they hold them only
        // to grant them to others.
        QSqlQuery create(m_db.db());
        if (!create.exec(
                QStringLiteral("CREATE ROLE %1 NOLOGIN%2")
                    .arg(ident(group(role)), role == TeamRole::Admin ? QStringLiteral(" NOINHERIT") : QString()))) {
            if (error)
                *error = create.lastError().nativeErrorCode() == QLatin1String(kInsufficientPrivilege)
                             ? tr("Setting up the roles of this project makes three server-wide roles (%1, ...), "
                                  "which needs a login with CREATEROLE: run this once as the server's "
                                  "administrator, or ask them to give %2 CREATEROLE.")
                                   .arg(group(TeamRole::Annotator), m_db.team().login)
                             : create.lastError().text();
            return false;
        }
        qCInfo(lcStore) << "created the group role" << group(role);
    }
    return run(QStringLiteral("GRANT %1, %2 TO %3 WITH ADMIN OPTION")
                   .arg(ident(group(TeamRole::Annotator)), ident(group(TeamRole::Reviewer)),
                        ident(group(TeamRole::Admin))),
               error) &&
           grantRights(error);
}

bool ProjectTeam::grantRights(QString *error)
{
    QSqlQuery q(m_db.db());
    if (!q.exec(QStringLiteral("SELECT current_schema(), current_database(),"
                               " EXISTS (SELECT 1 FROM pg_catalog.pg_policies WHERE schemaname = current_schema()"
                               "  AND tablename = 'label_history' AND policyname = 'nsfw_open')")) ||
        !q.next()) {
        if (error)
            *error = q.lastError().text();
        return false;
    }
    const QString schema = ident(q.value(0).toString());
    const QString database = ident(q.value(1).toString());
    const bool policies = q.value(2).toBool();
    q.finish();
    const QString annotator = ident(group(TeamRole::Annotator));
    const QString reviewer = ident(group(TeamRole::Reviewer));
    const QString admin = ident(group(TeamRole::Admin));
    const QString labellers = annotator + QStringLiteral(", ") + reviewer;
    const QString all = labellers + QStringLiteral(", ") + admin;
    const QString owner = ident(m_db.team().owner);
    QStringList statements = {
        QStringLiteral("GRANT USAGE ON SCHEMA %1 TO %2").arg(schema, all),
        // Annotators and reviewers read everything the window shows and write label history only: the trigger
        // moves items.label as the owner, and the row lock of a label write is the owner's function too.
        QStringLiteral("GRANT SELECT ON ALL TABLES IN SCHEMA %1 TO %2").arg(schema, labellers),
        QStringLiteral("GRANT INSERT ON label_history TO %1").arg(labellers),
        QStringLiteral("GRANT ALL ON ALL TABLES IN SCHEMA %1 TO %2").arg(schema, admin),
        QStringLiteral("GRANT ALL ON ALL SEQUENCES IN SCHEMA %1 TO %2").arg(schema, admin),
        // Tables later migrations make get the same rights (refreshGrants covers a migration run by another login).
        QStringLiteral("ALTER DEFAULT PRIVILEGES FOR ROLE %1 IN SCHEMA %2 GRANT SELECT ON TABLES TO %3")
            .arg(owner, schema, labellers),
        QStringLiteral("ALTER DEFAULT PRIVILEGES FOR ROLE %1 IN SCHEMA %2 GRANT ALL ON TABLES TO %3")
            .arg(owner, schema, admin),
        QStringLiteral("ALTER DEFAULT PRIVILEGES FOR ROLE %1 IN SCHEMA %2 GRANT ALL ON SEQUENCES TO %3")
            .arg(owner, schema, admin),
        // Only the owner and members connect: a member whose role is taken away cannot log in to the project.
        QStringLiteral("REVOKE CONNECT ON DATABASE %1 FROM PUBLIC").arg(database),
        QStringLiteral("GRANT CONNECT ON DATABASE %1 TO %2, %3").arg(database, owner, all),
        QStringLiteral("ALTER TABLE label_history ENABLE ROW LEVEL SECURITY"),
    };
    if (!policies) {
        // Row security is on for everybody but the owner: one permissive policy keeps every other login's rights
        // what its grants say; restrictive ones narrow annotators and reviewers. The login is session_user, which
        // SET ROLE does not change.
        statements << QStringLiteral("CREATE POLICY nsfw_open ON label_history USING (true) WITH CHECK (true)")
                   << QStringLiteral("CREATE POLICY nsfw_annotator_own_labels ON label_history AS RESTRICTIVE"
                                     " FOR INSERT TO %1 WITH CHECK (annotator = session_user"
                                     " AND source NOT LIKE '%2%')")
                          .arg(annotator, QLatin1String(kAdjudicationSource))
                   << QStringLiteral("CREATE POLICY nsfw_reviewer_own_labels ON label_history AS RESTRICTIVE"
                                     " FOR INSERT TO %1 WITH CHECK (annotator = session_user)")
                          .arg(reviewer);
    }
    for (const QString &statement : statements) {
        if (!run(statement, error))
            return false;
    }
    return true;
}

bool ProjectTeam::refreshGrants(QString *error)
{
    if (!m_db.isServer() || !m_db.team().rolesExist)
        return true;
    return grantRights(error);
}

QVector<TeamMember> ProjectTeam::members(QString *error) const
{
    QVector<TeamMember> list;
    if (!m_db.isServer()) {
        if (error)
            *error = ProjectTeam(m_db).manageRefusal();
        return list;
    }
    list.append({m_db.team().owner, TeamRole::Owner});
    if (!m_db.team().rolesExist)
        return list;
    QSqlQuery q(m_db.db());
    q.prepare(QStringLiteral("SELECT u.rolname, r.rolname FROM pg_catalog.pg_auth_members m"
                             " JOIN pg_catalog.pg_roles r ON r.oid = m.roleid"
                             " JOIN pg_catalog.pg_roles u ON u.oid = m.member"
                             " WHERE r.rolname IN (?, ?, ?) AND u.rolcanlogin ORDER BY u.rolname"));
    for (TeamRole role : kMemberRoles)
        q.addBindValue(group(role));
    if (!q.exec()) {
        if (error)
            *error = q.lastError().text();
        return {};
    }
    while (q.next()) {
        const QString name = q.value(0).toString();
        TeamRole role = TeamRole::None;
        for (TeamRole r : kMemberRoles) {
            if (q.value(1).toString() == group(r))
                role = r;
        }
        if (list.last().name == name) // two roles by hand: the widest, as readAccess takes it
            list.last().role = std::max(list.last().role, role);
        else if (name != m_db.team().owner)
            list.append({name, role});
    }
    return list;
}

bool ProjectTeam::hasLogin(const QString &name) const
{
    if (!m_db.isServer())
        return false;
    QSqlQuery q(m_db.db());
    q.prepare(QStringLiteral("SELECT 1 FROM pg_catalog.pg_roles WHERE rolname = ?"));
    q.addBindValue(name);
    return q.exec() && q.next();
}

bool ProjectTeam::addMember(const QString &name, TeamRole role, const QString &password, QString *notice,
                            QString *error)
{
    auto fail = [error](const QString &message) {
        if (error)
            *error = message;
        return false;
    };
    if (const QString refused = manageRefusal(); !refused.isEmpty())
        return fail(refused);
    if (role != TeamRole::Annotator && role != TeamRole::Reviewer && role != TeamRole::Admin)
        return fail(tr("A member is an annotator, a reviewer or an admin."));
    const TeamAccess &me = m_db.team();
    if (name.isEmpty() || name.toUtf8().size() > 63 ||
        std::any_of(name.cbegin(), name.cend(), [](QChar c) { return c.category() == QChar::Other_Control; }))
        return fail(tr("\"%1\" is not a login name (1 to 63 bytes, no control characters).").arg(name));
    if (name == me.owner)
        return fail(tr("%1 owns the project: it has every right already.").arg(name));
    if (name.startsWith(QLatin1String("nsfw_")) && name.contains(m_db.projectId()))
        return fail(tr("%1 is one of the project's own group roles, not a login.").arg(name));
    if (me.role != TeamRole::Owner && (role == TeamRole::Admin))
        return fail(tr("Only the owner of the project (%1) can make admins.").arg(me.owner));

    QSqlQuery q(m_db.db()); // outlives the transaction: a server rolls back first, then frees its statements
    Transaction tx(m_db);
    if (!tx.isActive())
        return fail(tx.error());
    // The owner (re)does the set-up each time: cheap, and it gives tables made since then their rights.
    if (me.role == TeamRole::Owner && !setUpRoles(error))
        return false;
    q.prepare(QStringLiteral("SELECT rolcanlogin, rolsuper FROM pg_catalog.pg_roles WHERE rolname = ?"));
    q.addBindValue(name);
    if (!q.exec())
        return fail(q.lastError().text());
    const bool exists = q.next();
    const bool canLogin = exists && q.value(0).toBool();
    const bool super = exists && q.value(1).toBool();
    q.finish();
    if (super)
        return fail(tr("%1 is a superuser of the server: it has every right already.").arg(name));
    if (exists && !canLogin)
        return fail(tr("%1 is a role that cannot log in, not a login.").arg(name));
    if (!exists) {
        // The password travels as a literal (CREATE ROLE takes no parameters); the server stores its SCRAM hash.
        q.prepare(password.isEmpty()
                      ? QStringLiteral("SELECT format('CREATE ROLE %I LOGIN', CAST(? AS text))")
                      : QStringLiteral(
                            "SELECT format('CREATE ROLE %I LOGIN PASSWORD %L', CAST(? AS text), CAST(? AS text))"));
        q.addBindValue(name);
        if (!password.isEmpty())
            q.addBindValue(password);
        if (!q.exec() || !q.next())
            return fail(q.lastError().text());
        const QString create = q.value(0).toString();
        q.finish();
        QSqlQuery c(m_db.db());
        if (!c.exec(create)) {
            if (c.lastError().nativeErrorCode() == QLatin1String(kInsufficientPrivilege))
                return fail(tr("There is no login %1 on the server, and making one needs CREATEROLE, which %2 lacks: "
                               "ask the server's administrator to create it (`createuser --pwprompt %1`), then add "
                               "it again.")
                                .arg(name, me.login));
            return fail(c.lastError().text());
        }
        if (notice)
            *notice = password.isEmpty()
                          ? tr("Created the login %1 without a password: it can connect only where the server "
                               "trusts it (pg_hba.conf).")
                                .arg(name)
                          : tr("Created the login %1.").arg(name);
    } else if (notice) {
        *notice = password.isEmpty() ? tr("%1 is an existing login.").arg(name)
                                     : tr("%1 is an existing login: its password was left as it is.").arg(name);
    }
    // One role per member: the others are taken away (only the owner can take away admin).
    QStringList held;
    if (!heldRoles(m_db.db(), name, &held, error))
        return false;
    for (TeamRole other : kMemberRoles) {
        if (other != role && held.contains(group(other)) &&
            !run(QStringLiteral("REVOKE %1 FROM %2").arg(ident(group(other)), ident(name)), error))
            return other == TeamRole::Admin
                       ? fail(tr("%1 is an admin: only the owner (%2) can change that.").arg(name, me.owner))
                       : false;
    }
    if (!held.contains(group(role)) &&
        !run(QStringLiteral("GRANT %1 TO %2").arg(ident(group(role)), ident(name)), error))
        return false;
    if (!tx.commit())
        return fail(tx.error());
    qCInfo(lcStore) << name << "is now" << roleName(role) << "of" << m_db.displayName();
    return true;
}

bool ProjectTeam::removeMember(const QString &name, QString *notice, QString *error)
{
    auto fail = [error](const QString &message) {
        if (error)
            *error = message;
        return false;
    };
    if (const QString refused = manageRefusal(); !refused.isEmpty())
        return fail(refused);
    TeamRole role = TeamRole::None;
    for (const TeamMember &m : members(error)) {
        if (m.name == name)
            role = m.role;
    }
    if (role == TeamRole::Owner)
        return fail(tr("%1 owns the project and cannot be removed from it.").arg(name));
    if (role == TeamRole::None)
        return fail(tr("%1 is no member of %2.").arg(name, m_db.displayName()));
    if (role == TeamRole::Admin && m_db.team().role != TeamRole::Owner)
        return fail(tr("%1 is an admin: only the owner (%2) can remove an admin.").arg(name, m_db.team().owner));
    Transaction tx(m_db);
    if (!tx.isActive())
        return fail(tx.error());
    QStringList held;
    if (!heldRoles(m_db.db(), name, &held, error))
        return false;
    for (TeamRole r : kMemberRoles) {
        if (held.contains(group(r)) &&
            !run(QStringLiteral("REVOKE %1 FROM %2").arg(ident(group(r)), ident(name)), error))
            return false;
    }
    if (!tx.commit())
        return fail(tx.error());
    QSqlQuery q(m_db.db());
    // Sessions already open keep running, without rights on the next statement; end them where the server lets us
    // (a superuser, or pg_signal_backend). A failure here changes nothing of the above.
    q.prepare(QStringLiteral("SELECT count(*) FILTER (WHERE pg_terminate_backend(pid)) FROM pg_catalog.pg_stat_activity"
                             " WHERE usename = ? AND datname = current_database() AND pid <> pg_backend_pid()"));
    q.addBindValue(name);
    const bool ended = q.exec() && q.next();
    if (notice)
        *notice =
            (ended ? tr("Ended %n open session(s) of %1 on the project. ", nullptr, q.value(0).toInt()).arg(name)
                   : QString()) +
            tr("The login %1 stays on the server (other projects may use it): `dropuser %1` removes it.").arg(name);
    return true;
}

} // namespace nsfw
