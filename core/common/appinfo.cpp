#include "appinfo.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QLocale>
#include <QSettings>
#include <QTranslator>

namespace nsfw {

void setupApplicationIdentity()
{
    // Settings then live in ~/.config/nsfw-workbench/nsfw-workbench.conf (an empty organization would make
    // QSettings file them under "Unknown Organization").
    QCoreApplication::setOrganizationName(QStringLiteral("nsfw-workbench"));
    QCoreApplication::setApplicationName(QStringLiteral("nsfw-workbench"));
    QCoreApplication::setApplicationVersion(QStringLiteral(NSFW_WORKBENCH_VERSION));
}

QString configuredLanguage()
{
    return QSettings().value(QStringLiteral("ui/language")).toString();
}

void installTranslators(QCoreApplication &app)
{
    const QString language = configuredLanguage();
    const QLocale locale = language.isEmpty() ? QLocale::system() : QLocale(language);
    if (!language.isEmpty())
        QLocale::setDefault(locale);
    auto *own = new QTranslator(&app);
    if (own->load(locale, QStringLiteral("nsfw-workbench"), QStringLiteral("_"), QStringLiteral(":/i18n")))
        QCoreApplication::installTranslator(own);
    else
        delete own;
    auto *qt = new QTranslator(&app);
    if (qt->load(locale, QStringLiteral("qtbase"), QStringLiteral("_"),
                 QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QCoreApplication::installTranslator(qt);
    else
        delete qt;
}

QString defaultAnnotator()
{
    const QString configured = QSettings().value(QStringLiteral("annotator/name")).toString().trimmed();
    if (!configured.isEmpty())
        return configured;
    QString user = qEnvironmentVariable("USER");
    if (user.isEmpty())
        user = qEnvironmentVariable("LOGNAME");
    return user.isEmpty() ? QStringLiteral("annotator") : user;
}

} // namespace nsfw
