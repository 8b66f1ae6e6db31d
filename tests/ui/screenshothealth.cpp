// Not a test: the README's screenshot of the Health tab, on a project of Debian's clip art and wallpaper photos with
// a few planted problems (a darkened photo, a blank, a thumbnail-sized copy, a greyscale copy, a stretched strip).
// Non-explicit pictures only. Run under Xvfb so fonts and styles are those of a desktop:
//   xvfb-run -s "-screen 0 1600x1000x24" build/tests/nsfw-workbench-screenshot-health OUT_DIR
#include "healthpage.h"
#include "mainwindow.h"

#include "media/importer.h"
#include "store/projectdatabase.h"
#include "testsupport.h"

#include <QApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QImage>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>

using namespace nsfw;

int main(int argc, char **argv)
{
    QApplication app(argc, argv);
    QStandardPaths::setTestModeEnabled(true);
    const QString out = argc > 1 ? QString::fromLocal8Bit(argv[1]) : QStringLiteral(".");
    QTemporaryDir dir;
    const QString media = dir.filePath(QStringLiteral("moderation"));
    int n = 0;
    for (const auto &[label, category] : {std::pair{"safe", "food"}, std::pair{"nsfw", "people"}}) {
        QDir().mkpath(media + QLatin1Char('/') + QLatin1String(label));
        for (const QString &f : test::clipArt(60, QLatin1String(category)))
            QFile::copy(f, media + QStringLiteral("/%1/%2.png").arg(QLatin1String(label)).arg(n++));
    }
    QDir().mkpath(media + QStringLiteral("/photos/safe"));
    QStringList photos;
    for (const QString &f : test::wallpapers(1000)) {
        if (f.endsWith(QLatin1String("/640x480.jpg")))
            photos << f;
    }
    for (const QString &f : photos)
        QFile::copy(f, media + QStringLiteral("/photos/safe/%1.jpg").arg(f.section(QLatin1Char('/'), -4, -4)));
    if (photos.size() >= 3) {
        const QImage a(photos[0]), b(photos[1]), c(photos[2]);
        QImage dark = a.copy();
        for (int y = 0; y < dark.height(); ++y)
            for (int x = 0; x < dark.width(); ++x) {
                const QColor p = dark.pixelColor(x, y);
                dark.setPixelColor(x, y, QColor(p.red() / 9, p.green() / 9, p.blue() / 9));
            }
        dark.save(media + QStringLiteral("/photos/dark.png"));
        b.scaled(40, 30, Qt::IgnoreAspectRatio, Qt::SmoothTransformation).save(media + QStringLiteral("/photos/tiny.png"));
        c.convertToFormat(QImage::Format_Grayscale8).save(media + QStringLiteral("/photos/grey.jpg"));
        a.copy(0, a.height() / 2 - 40, a.width(), 80).save(media + QStringLiteral("/photos/strip.jpg"));
        QImage blank(640, 480, QImage::Format_RGB32);
        blank.fill(QColor(240, 240, 236));
        blank.save(media + QStringLiteral("/photos/blank.png"));
    }
    const QString project = dir.filePath(QStringLiteral("moderation.nwproj"));
    QString error;
    ProjectDatabase::open(project, ProjectDatabase::OpenMode::CreateNew, QStringLiteral("setup"), &error);
    ImportOptions options;
    options.paths = {media};
    options.labelsFromFolders = true;
    Importer(project, options).run();

    ui::MainWindow window;
    window.resize(1500, 920);
    window.show();
    auto *page = window.findChild<ui::HealthPage *>();
    window.pages()->setCurrentWidget(page);
    QSignalSpy shown(page, &ui::HealthPage::reportShown);
    window.openProject(project, false);
    if (shown.isEmpty() && !shown.wait(60000))
        return 1;
    QTest::qWait(300);
    window.grab().save(out + QStringLiteral("/health.png"));
    return 0;
}
