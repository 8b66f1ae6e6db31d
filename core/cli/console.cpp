#include "console.h"

#include "store/projectdatabase.h"

#include <QCommandLineParser>
#include <QCoreApplication>

#include <cstdio>
#include <unistd.h>

namespace nsfw::cli {

QTextStream &out()
{
    static QTextStream stream(stdout);
    return stream;
}

QTextStream &err()
{
    static QTextStream stream(stderr);
    return stream;
}

bool errIsTerminal()
{
    return isatty(fileno(stderr)) != 0;
}

QString tr(const char *text)
{
    return QCoreApplication::translate("nsfw::cli", text);
}

bool parseArguments(QCommandLineParser &parser, const QStringList &arguments, int *status)
{
    const QCommandLineOption help = parser.addHelpOption();
    if (!parser.parse(arguments)) {
        err() << parser.errorText() << '\n' << tr("Try: %1 --help").arg(arguments.value(0)) << '\n';
        *status = 2;
        return false;
    }
    if (parser.isSet(help)) {
        QString text = parser.helpText();
        const QString program = QCoreApplication::arguments().value(0);
        const qsizetype at = text.indexOf(program);
        if (!program.isEmpty() && at >= 0)
            text.replace(at, program.size(), QStringLiteral("nsfw-workbench ") + arguments.value(0));
        out() << text;
        *status = 0;
        return false;
    }
    return true;
}

std::unique_ptr<ProjectDatabase> openProject(const QString &path, bool needsMedia)
{
    QString error;
    auto db = ProjectDatabase::open(path, ProjectDatabase::OpenMode::OpenExisting, QStringLiteral("cli"), &error);
    if (!db) {
        err() << error << '\n';
        return db;
    }
    if (needsMedia && !db->hasMediaRoot()) {
        err() << ProjectDatabase::mediaRootMissingMessage(*db) << '\n';
        return nullptr;
    }
    return db;
}

bool chooseAnnotator(const ProjectDatabase &db, const QString &given, QString *name)
{
    *name = db.annotator(given);
    if (db.annotatorIsLogin() && !given.trimmed().isEmpty() && given.trimmed() != *name) {
        err() << tr("Labels in %1 are recorded under your login, %2: --annotator %3 is not allowed.")
                     .arg(db.displayName(), *name, given.trimmed())
              << '\n';
        return false;
    }
    return true;
}

} // namespace nsfw::cli
