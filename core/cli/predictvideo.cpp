#include "predictvideo.h"

#include "media/mediadecoder.h"
#include "model/classifier.h"

#include <QDirIterator>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>

namespace nsfw::cli {

namespace {

const QStringList &imagePatterns()
{
    static const QStringList kPatterns = {QStringLiteral("*.jpg"),  QStringLiteral("*.jpeg"), QStringLiteral("*.png"),
                                          QStringLiteral("*.bmp"),  QStringLiteral("*.webp"), QStringLiteral("*.tif"),
                                          QStringLiteral("*.tiff"), QStringLiteral("*.ppm"),  QStringLiteral("*.pgm"),
                                          QStringLiteral("*.JPG"),  QStringLiteral("*.JPEG"), QStringLiteral("*.PNG"),
                                          QStringLiteral("*.gif"),  QStringLiteral("*.GIF")};
    static const QStringList kWithVideos = [] {
        QStringList all = kPatterns;
        for (const QString &ext : MediaDecoder::videoExtensions())
            all << QStringLiteral("*.") + ext << QStringLiteral("*.") + ext.toUpper();
        return all;
    }();
    return kWithVideos;
}

} // namespace

QStringList predictFiles(const QStringList &args)
{
    QStringList files;
    for (const QString &arg : args) {
        if (QFileInfo(arg).isDir()) {
            QStringList found;
            QDirIterator it(arg, imagePatterns(), QDir::Files,
                            QDirIterator::Subdirectories | QDirIterator::FollowSymlinks);
            while (it.hasNext())
                found << it.next();
            found.sort();
            files << found;
        } else {
            files << arg;
        }
    }
    return files;
}

QString imageRecord(const ImageScore &s, const QStringList &classes, bool csv)
{
    QString line;
    if (csv) {
        line = csvField(s.path);
        if (s.ok()) {
            line += QLatin1Char(',') + scoreText(s.nsfw);
            for (float p : s.probabilities)
                line += QLatin1Char(',') + scoreText(p);
            line += QLatin1Char(',');
        } else {
            line += QString(QLatin1Char(',')).repeated(classes.size() + 1) + QLatin1Char(',') + csvField(s.error);
        }
        return line + QStringLiteral(",image,,,,\n");
    }
    line = QStringLiteral("{\"path\":") + jsonString(s.path);
    if (s.ok()) {
        line += QStringLiteral(",\"nsfw\":") + scoreText(s.nsfw);
        for (int c = 0; c < classes.size() && c < static_cast<int>(s.probabilities.size()); ++c)
            line += QLatin1Char(',') + jsonString(classes.at(c)) + QLatin1Char(':') +
                    scoreText(s.probabilities[static_cast<size_t>(c)]);
    } else {
        line += QStringLiteral(",\"error\":") + jsonString(s.error);
    }
    return line + QStringLiteral("}\n");
}

QString jsonString(const QString &s)
{
    const QByteArray a = QJsonDocument(QJsonArray{s}).toJson(QJsonDocument::Compact);
    return QString::fromUtf8(a.mid(1, a.size() - 2));
}

QString csvField(const QString &s)
{
    if (!s.contains(QLatin1Char(',')) && !s.contains(QLatin1Char('"')) && !s.contains(QLatin1Char('\n')))
        return s;
    return QLatin1Char('"') + QString(s).replace(QLatin1Char('"'), QLatin1String("\"\"")) + QLatin1Char('"');
}

QString scoreText(double v)
{
    return QString::number(v, 'g', 8);
}

QString videoJsonLine(const VideoScores &video, const VideoVerdict &verdict, const VerdictOptions &options,
                      const QString &kind, const QString &sampling)
{
    QString line = QStringLiteral("{\"path\":") + jsonString(video.path) + QStringLiteral(",\"kind\":\"") + kind +
                   QLatin1Char('"');
    if (!video.ok())
        return line + QStringLiteral(",\"error\":") + jsonString(video.error) + QLatin1Char('}');
    line += QStringLiteral(",\"nsfw\":%1,\"rule\":%2,\"flagged\":%3,\"threshold\":%4,\"durationMs\":%5,"
                           "\"sampling\":\"%6\",\"framesRead\":%7,\"frames\":[")
                .arg(scoreText(verdict.score), jsonString(verdict.rule),
                     verdict.flagged ? QStringLiteral("true") : QStringLiteral("false"), scoreText(options.threshold))
                .arg(video.sampling.info.durationMs)
                .arg(sampling)
                .arg(video.sampling.framesRead);
    for (qsizetype i = 0; i < video.frames.size(); ++i) {
        const FrameScore &f = video.frames.at(i);
        line += QStringLiteral("%1{\"frame\":%2,\"ms\":%3,\"nsfw\":%4}")
                    .arg(i ? QStringLiteral(",") : QString())
                    .arg(f.index)
                    .arg(f.ms)
                    .arg(scoreText(f.score));
    }
    line += QStringLiteral("],\"segments\":[");
    for (qsizetype i = 0; i < verdict.segments.size(); ++i) {
        const VideoSegment &s = verdict.segments.at(i);
        line += QStringLiteral("%1{\"startMs\":%2,\"endMs\":%3,\"peak\":%4,\"peakMs\":%5,\"frames\":%6}")
                    .arg(i ? QStringLiteral(",") : QString())
                    .arg(s.startMs)
                    .arg(s.endMs)
                    .arg(scoreText(s.peak))
                    .arg(s.peakMs)
                    .arg(s.frames);
    }
    line += QStringLiteral("],\"cuts\":[");
    for (qsizetype i = 0; i < video.sampling.cuts.size(); ++i)
        line += (i ? QStringLiteral(",") : QString()) + QString::number(video.sampling.cuts.at(i).ms);
    return line + QStringLiteral("]}");
}

QString videoCsvRows(const VideoScores &video, const VideoVerdict &verdict, int classes, const QString &kind)
{
    const QString emptyClasses = QString(QLatin1Char(',')).repeated(classes);
    if (!video.ok())
        return csvField(video.path) + QLatin1Char(',') + emptyClasses + QLatin1Char(',') + csvField(video.error) +
               QLatin1Char(',') + kind + QStringLiteral(",,,,\n");
    const QString head = csvField(video.path) + QLatin1Char(',') + scoreText(verdict.score) + emptyClasses +
                         QStringLiteral(",,") + kind + QLatin1Char(',');
    const QString tail = QLatin1Char(',') + csvField(verdict.rule) + QLatin1Char('\n');
    if (verdict.segments.isEmpty())
        return head + QStringLiteral(",,") + tail;
    QString rows;
    for (const VideoSegment &s : verdict.segments)
        rows += head + QString::number(s.startMs) + QLatin1Char(',') + QString::number(s.endMs) + QLatin1Char(',') +
                scoreText(s.peak) + tail;
    return rows;
}

} // namespace nsfw::cli
