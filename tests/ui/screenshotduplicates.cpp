// Not a test: the README's screenshot of the Duplicates tab, from a project of Debian's clip art (never explicit
// material) with planted near-copies (resized, recompressed, bordered copies written here) among unrelated pictures.
// Run under Xvfb so fonts and styles are those of a desktop:
//   xvfb-run -s "-screen 0 1600x1000x24" build/tests/nsfw-workbench-screenshot-duplicates OUT_DIR
#include "duplicatespage.h"
#include "gallery/duplicategroupmodel.h"
#include "mainwindow.h"
#include "media/importer.h"
#include "store/itemstore.h"
#include "store/labelstore.h"
#include "store/projectdatabase.h"
#include "testsupport.h"

#include <QApplication>
#include <QDir>
#include <QImage>
#include <QPainter>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>

#include <cstdio>

using namespace nsfw;

namespace {

QImage onWhite(const QString &path)
{
    const QImage source(path);
    QImage image(source.size(), QImage::Format_RGB32);
    image.fill(Qt::white);
    QPainter(&image).drawImage(0, 0, source);
    return image;
}

QImage bordered(const QImage &image, double share)
{
    const int m = int(image.width() * share);
    QImage out(image.width() + 2 * m, image.height() + 2 * m, QImage::Format_RGB32);
    out.fill(Qt::black);
    QPainter(&out).drawImage(m, m, image);
    return out;
}

} // namespace

int main(int argc, char **argv)
{
    QApplication app(argc, argv);
    const QString out = app.arguments().value(1, QStringLiteral("."));
    QStandardPaths::setTestModeEnabled(true);
    QSettings().clear();
    QSettings().setValue(QStringLiteral("annotator/name"), QStringLiteral("alice"));
    QTemporaryDir dir;
    const QString media = dir.filePath(QStringLiteral("media"));
    QDir().mkpath(media);
    const QStringList originals =
        test::clipArt(1, QStringLiteral("animals/birds")) + test::clipArt(1, QStringLiteral("transportation")) +
        test::clipArt(1, QStringLiteral("food")) + test::clipArt(1, QStringLiteral("plants")) +
        test::clipArt(1, QStringLiteral("buildings"));
    const QStringList others = test::clipArt(12, QStringLiteral("tools"));
    if (originals.size() < 5 || others.size() < 12) {
        std::fprintf(stderr, "openclipart-png is not installed\n");
        return 1;
    }
    // Copies per original: resized, recompressed, bordered, as a scraped data set has them (the rule may miss some).
    const QVector<int> copies = {2, 3, 1, 2, 1};
    for (int i = 0; i < originals.size(); ++i) {
        const QImage o = onWhite(originals.at(i));
        const QString stem = QFileInfo(originals.at(i)).completeBaseName().left(18);
        o.save(QStringLiteral("%1/%2.png").arg(media, stem));
        const QImage edits[] = {o.scaled(o.size() * 0.55, Qt::IgnoreAspectRatio, Qt::SmoothTransformation), o,
                                bordered(o, 0.03)};
        const char *names[] = {"small", "q30", "border"};
        for (int c = 0; c < copies.at(i); ++c)
            edits[c].save(QStringLiteral("%1/%2-%3.jpg").arg(media, stem, QLatin1String(names[c])), "JPEG",
                          c == 1 ? 30 : 60);
    }
    for (const QString &path : others)
        QFile::copy(path, media + QLatin1Char('/') + QFileInfo(path).fileName());
    const QString project = dir.filePath(QStringLiteral("demo.nwproj"));
    {
        QString error;
        if (!ProjectDatabase::open(project, ProjectDatabase::OpenMode::CreateNew, QStringLiteral("setup"), &error))
            return 1;
    }
    ImportOptions options;
    options.paths = {media};
    Importer(project, options).run();

    ui::MainWindow window;
    window.resize(1500, 920);
    window.show();
    if (!QTest::qWaitForWindowExposed(&window))
        return 1;
    ui::DuplicatesPage *page = window.duplicatesPage();
    window.pages()->setCurrentWidget(page);
    QSignalSpy scanned(page, &ui::DuplicatesPage::scanFinished);
    if (!window.openProject(project, false) || !scanned.wait(60000))
        return 1;

    // Labels as a team leaves them: most groups labeled alike, one labeled both ways (the conflict, listed first),
    // one not labeled yet (covered), one kept once for training.
    {
        auto db =
            ProjectDatabase::open(project, ProjectDatabase::OpenMode::OpenExisting, QStringLiteral("labels"), nullptr);
        LabelStore labels(*db);
        DuplicateGroupModel *groups = page->model();
        for (int row = 0; row < groups->rowCount(); ++row) {
            const QVector<qint64> ids = groups->group(row)->ids();
            if (row == 0) {
                labels.setLabel({ids.first()}, Label::Safe, QStringLiteral("alice"), QStringLiteral("manual"));
                labels.setLabel(ids.mid(1), Label::Nsfw, QStringLiteral("bob"), QStringLiteral("manual"));
            } else if (row != 2) {
                labels.setLabel(ids, Label::Safe, QStringLiteral("alice"), QStringLiteral("manual"));
            }
        }
        for (const Item &item : ItemStore(*db).all()) {
            if (groups->rowOfItem(item.id) < 0 && item.id % 3 != 0)
                labels.setLabel({item.id}, Label::Safe, QStringLiteral("alice"), QStringLiteral("manual"));
        }
    }
    scanned.clear();
    page->refresh();
    if (!scanned.wait(60000))
        return 1;
    // The second group kept once (its largest picture), the first one's second member chosen.
    page->view()->setCurrentIndex(page->model()->index(1));
    page->keepOne();
    page->chooseMember(page->model()->group(0)->members.at(1).id);
    page->view()->setFocus();
    QTest::qWait(1500); // thumbnails load
    window.grab().save(out + QStringLiteral("/duplicates.png"));
    std::printf("%d groups\n", page->model()->rowCount());
    return 0;
}
