// Not a test: the README's screenshot of a video's timeline with its score strip: a video written here from Debian
// wallpapers (one shot each; plain colours when the wallpapers are missing), beside a few clip-art pictures, scored by
// a run with planted frame scores (two shots scored high: stand-ins, never explicit material), one segment selected.
// Run under Xvfb so fonts and styles are those of a desktop:
//   xvfb-run -s "-screen 0 1600x1000x24" build/tests/nsfw-workbench-screenshot-video OUT_DIR
#include "gallerypanel.h"
#include "labelingpage.h"
#include "mainwindow.h"
#include "videoscorestrip.h"
#include "viewerpanel.h"

#include "gallery/gallerymodel.h"
#include "media/importer.h"
#include "store/itemstore.h"
#include "store/labelstore.h"
#include "store/projectdatabase.h"
#include "store/runlock.h"
#include "store/runstore.h"
#include "testsupport.h"

#include <QApplication>
#include <QDir>
#include <QFile>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>

#include <opencv2/imgcodecs.hpp>

using namespace nsfw;

int main(int argc, char **argv)
{
    QApplication app(argc, argv);
    QStandardPaths::setTestModeEnabled(true);
    const QString out = argc > 1 ? QString::fromLocal8Bit(argv[1]) : QStringLiteral(".");
    QTemporaryDir dir;
    const QString media = dir.filePath(QStringLiteral("media"));
    QDir().mkpath(media);
    // Twelve shots of two seconds at 10 fps: one sampled frame a shot, and a frame a second within it.
    std::vector<cv::Mat> shots;
    for (const QString &f : test::distinctWallpapers(12))
        shots.push_back(cv::imread(f.toStdString(), cv::IMREAD_COLOR));
    for (int i = int(shots.size()); i < 12; ++i)
        shots.emplace_back(90, 160, CV_8UC3, cv::Scalar(20 * i, 120, 240 - 20 * i));
    const QString video = media + QStringLiteral("/harbour-tour.avi");
    if (!test::writeSceneVideo(video, shots, 20, 10.0, 320, 180, 2.0))
        return 1;
    QStringList files{video};
    const QStringList clips = test::clipArt(14, QStringLiteral("animals"));
    for (int i = 0; i < clips.size(); ++i) {
        const QString copy = media + QStringLiteral("/animal%1.png").arg(i);
        QFile::copy(clips.at(i), copy);
        files << copy;
    }
    const QString project = dir.filePath(QStringLiteral("video.nwproj"));
    QString error;
    {
        auto db = ProjectDatabase::open(project, ProjectDatabase::OpenMode::CreateNew, QStringLiteral("setup"), &error);
        if (!db)
            return 1;
    }
    ImportOptions options;
    options.paths = files;
    if (!Importer(project, options).run().error.isEmpty())
        return 1;
    {
        auto db =
            ProjectDatabase::open(project, ProjectDatabase::OpenMode::OpenExisting, QStringLiteral("setup"), &error);
        ItemStore items(*db);
        const auto v = items.findByPath(db->storedPath(video));
        if (!v)
            return 1;
        QVector<Item> frames = items.frames(v->id);
        std::sort(frames.begin(), frames.end(),
                  [](const Item &a, const Item &b) { return a.timestampMs < b.timestampMs; });
        // Shots 4-5 and 9 scored high (planted); the rest low, with some noise.
        QVector<ItemScore> scores;
        for (const Item &f : frames) {
            const int shot = int(f.timestampMs / 2000);
            const double base = shot == 4 || shot == 5 ? 0.86 : shot == 9 ? 0.74 : 0.08 + 0.05 * (shot % 3);
            scores.append({f.id, float(base + 0.03 * double((f.timestampMs / 1000) % 2))});
        }
        QVector<qint64> images;
        for (const Item &it : items.all()) {
            if (it.kind == ItemKind::Image) {
                images << it.id;
                scores.append({it.id, 0.05f});
            }
        }
        LabelStore(*db).setLabel(images, Label::Safe, QStringLiteral("amira"), QStringLiteral("manual"));
        RunLock lock(*db);
        if (!lock.tryAcquire(&error))
            return 1;
        RunStore runs(*db);
        const qint64 run = runs.create(QJsonObject{{QStringLiteral("mode"), QStringLiteral("head")}},
                                       QStringLiteral("screenshot"), lock, &error);
        runs.setItemScores(run, scores, &error);
        runs.setThreshold(run, 0.5);
        runs.finish(run, QStringLiteral("finished"));
    }

    ui::MainWindow window;
    window.resize(1500, 920);
    window.show();
    window.openProject(project, false);
    ui::LabelingPage *page = window.labelingPage();
    window.pages()->setCurrentWidget(page);
    QTest::qWait(500);
    GalleryModel *model = page->model();
    for (int row = 0; row < model->rowCount(); ++row) {
        if (model->index(row).data(GalleryModel::KindRole).toInt() == int(ItemKind::Video))
            page->gallery()->view()->setCurrentIndex(model->index(row));
    }
    ui::VideoScoreStrip *strip = page->viewer()->scoreStrip();
    QTest::qWait(300);
    if (strip->track().segments().isEmpty())
        return 1;
    QTest::mouseClick(strip, Qt::LeftButton, {}, strip->segmentRect(0).center());
    QTest::qWait(1500); // thumbnails and the picture
    window.grab().save(out + QStringLiteral("/video.png"));
    return 0;
}
