// Not a test: the README's screenshot of the Team tab, on a project of 300 items four annotators labeled from their
// queues with planted disagreements (the consensus rule; 40 % of the items dealt to two of them, most of each queue
// labelled; the more careless, the more they differ from the truth; a reviewer settled some disagreements). The
// history's times are then spread over working sessions (a label every few seconds, pauses between sessions), as a
// team's would be, so the labels per hour are plausible. Run under Xvfb so fonts and styles are those of a desktop:
//   xvfb-run -s "-screen 0 1600x1000x24" build/tests/nsfw-workbench-screenshot-team OUT_DIR
#include "mainwindow.h"
#include "teampage.h"

#include "store/itemstore.h"
#include "store/labelstore.h"
#include "store/projectdatabase.h"
#include "store/teamlabels.h"

#include <QApplication>
#include <QDateTime>
#include <QRandomGenerator>
#include <QSet>
#include <QSignalSpy>
#include <QSqlQuery>
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
    const QString project = dir.filePath(QStringLiteral("team.nwproj"));
    {
        QString error;
        auto db = ProjectDatabase::open(project, ProjectDatabase::OpenMode::CreateNew, QStringLiteral("setup"), &error);
        if (!db)
            return 1;
        QVector<qint64> ids;
        for (int i = 0; i < 300; ++i) {
            Item it;
            it.kind = ItemKind::Image;
            it.path = QStringLiteral("batch-%1/%2.jpg").arg(i / 100).arg(i);
            it.contentHash = QStringLiteral("h%1").arg(i);
            ids << ItemStore(*db).insert(it, &error);
        }
        const QStringList people = {QStringLiteral("amira"), QStringLiteral("ben"), QStringLiteral("chen"),
                                    QStringLiteral("dagny")};
        const double care[] = {0.93, 0.85, 0.78, 0.66};
        const Label labels[] = {Label::Safe, Label::Nsfw, Label::Unsure};
        QRandomGenerator rng(7);
        LabelStore store(*db);
        TeamLabels team(*db);
        if (!team.assign(people, 0.4, 7, &error)) // the overlap makes the rule consensus
            return 1;
        QSqlQuery assigned(db->db());
        assigned.exec(QStringLiteral("SELECT item_id, annotator FROM assignments ORDER BY item_id, annotator"));
        QHash<qint64, QStringList> assignees;
        while (assigned.next())
            assignees[assigned.value(0).toLongLong()] << assigned.value(1).toString();
        QVector<std::pair<qint64, int>> disputed; // item, the truth a reviewer finds
        for (int i = 0; i < ids.size(); ++i) {
            const int truth = rng.bounded(12) == 0 ? 2 : int(rng.bounded(2));
            QSet<int> given;
            for (const QString &name : assignees.value(ids[i])) {
                const int who = int(people.indexOf(name));
                if (rng.bounded(100) < 12) // not reached yet in their queue
                    continue;
                const int said = rng.generateDouble() < care[who] ? truth : (truth + 1 + int(rng.bounded(2))) % 3;
                store.setLabel({ids[i]}, labels[said], name, QStringLiteral("manual"));
                given.insert(said);
            }
            if (given.size() > 1)
                disputed.append({ids[i], truth});
        }
        // The reviewer has settled two thirds of the disagreements so far.
        for (int i = 0; i < disputed.size(); ++i) {
            if (i % 3 != 2)
                store.setLabel({disputed[i].first}, labels[disputed[i].second], QStringLiteral("erin"),
                              QStringLiteral("adjudicated"));
        }
        // Each annotator's entries in sessions: a label every 2.5-14.5 s (each at a pace of their own), 45-90
        // minutes a session, an hour's pause between sessions.
        QSqlQuery select(db->db());
        select.exec(QStringLiteral("SELECT id, annotator FROM label_history ORDER BY id"));
        QVector<std::pair<qint64, QString>> entries;
        while (select.next())
            entries.append({select.value(0).toLongLong(), select.value(1).toString()});
        QHash<QString, qint64> clock, sessionStart;
        const qint64 start = QDateTime::currentMSecsSinceEpoch() - 3LL * 24 * 3600 * 1000;
        QSqlQuery update(db->db());
        update.prepare(QStringLiteral("UPDATE label_history SET at_ms = ? WHERE id = ?"));
        for (const auto &[id, who] : entries) {
            const int person = int(people.indexOf(who));
            qint64 &t = clock[who];
            if (t == 0)
                t = sessionStart[who] = start + person * 600'000;
            t += 4000 + person * 3000 - 1500 + qint64(rng.bounded(3000));
            if (t - sessionStart.value(who) > (45 + 15 * person) * 60'000) {
                t += 3'600'000;
                sessionStart[who] = t;
            }
            update.addBindValue(t);
            update.addBindValue(id);
            update.exec();
        }
    }

    ui::MainWindow window;
    window.resize(1500, 920);
    window.show();
    auto *page = window.findChild<ui::TeamPage *>();
    window.pages()->setCurrentWidget(page);
    QSignalSpy shown(page, &ui::TeamPage::reportShown);
    window.openProject(project, false);
    if (shown.isEmpty() && !shown.wait(60000))
        return 1;
    QTest::qWait(300);
    window.grab().save(out + QStringLiteral("/team.png"));
    return 0;
}
