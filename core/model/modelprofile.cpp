#include "model/modelprofile.h"

#include "common/logging.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QSaveFile>

namespace nsfw {

namespace {

constexpr qint64 kMaxProfileBytes = 1 << 20;

QStringList stringList(const QJsonValue &v, bool *ok)
{
    QStringList out;
    *ok = v.isArray();
    for (const QJsonValue &e : v.toArray()) {
        if (!e.isString() || e.toString().isEmpty()) {
            *ok = false;
            return {};
        }
        out << e.toString();
    }
    return out;
}

QString scalingName(Preprocessing::Scaling s)
{
    return s == Preprocessing::Scaling::Symmetric ? QStringLiteral("symmetric") : QStringLiteral("unit");
}

} // namespace

std::vector<int> ModelProfile::nsfwIndices() const
{
    std::vector<int> out;
    for (int c = 0; c < classes.size(); ++c) {
        if (nsfwClasses.contains(classes.at(c)))
            out.push_back(c);
    }
    return out;
}

float ModelProfile::nsfwScore(const std::vector<float> &probabilities) const
{
    float sum = 0;
    for (int c : nsfwIndices()) {
        if (size_t(c) < probabilities.size())
            sum += probabilities[size_t(c)];
    }
    return sum;
}

QJsonObject ModelProfile::toJson() const
{
    QJsonObject in{
        {QStringLiteral("scaling"), scalingName(input.scaling)},
        {QStringLiteral("channels"), input.bgr ? QStringLiteral("bgr") : QStringLiteral("rgb")},
        {QStringLiteral("resize"),
         input.alignCorners ? QStringLiteral("bilinear-align-corners") : QStringLiteral("bilinear")},
    };
    if (input.height > 0 && input.width > 0) {
        in.insert(QStringLiteral("height"), input.height);
        in.insert(QStringLiteral("width"), input.width);
    }
    QJsonObject o{{QStringLiteral("input"), in}};
    if (!name.isEmpty())
        o.insert(QStringLiteral("name"), name);
    if (!classes.isEmpty())
        o.insert(QStringLiteral("classes"), QJsonArray::fromStringList(classes));
    if (!nsfwClasses.isEmpty())
        o.insert(QStringLiteral("nsfw_classes"), QJsonArray::fromStringList(nsfwClasses));
    if (!blocks.isEmpty())
        o.insert(QStringLiteral("blocks"), QJsonArray::fromStringList(blocks));
    if (flipAverage)
        o.insert(QStringLiteral("test_time_flip"), true);
    return o;
}

std::optional<ModelProfile> ModelProfile::fromJson(const QJsonObject &o, QString *error)
{
    ModelProfile p;
    auto bad = [error](const QString &key, const QString &why) {
        if (error)
            *error = tr("\"%1\": %2").arg(key, why);
        return std::nullopt;
    };
    p.name = o.value(QStringLiteral("name")).toString();
    const QJsonValue inputValue = o.value(QStringLiteral("input"));
    if (!inputValue.isUndefined() && !inputValue.isObject())
        return bad(QStringLiteral("input"), tr("expected an object"));
    const QJsonObject input = inputValue.toObject();
    const QString scaling = input.value(QStringLiteral("scaling")).toString(QStringLiteral("unit"));
    if (scaling == QLatin1String("symmetric"))
        p.input.scaling = Preprocessing::Scaling::Symmetric;
    else if (scaling != QLatin1String("unit"))
        return bad(QStringLiteral("input.scaling"), tr("expected \"unit\" (pixel / 255) or \"symmetric\" "
                                                       "(pixel / 127.5 - 1), not \"%1\"")
                                                        .arg(scaling));
    const QString channels = input.value(QStringLiteral("channels")).toString(QStringLiteral("rgb"));
    if (channels != QLatin1String("rgb") && channels != QLatin1String("bgr"))
        return bad(QStringLiteral("input.channels"), tr("expected \"rgb\" or \"bgr\", not \"%1\"").arg(channels));
    p.input.bgr = channels == QLatin1String("bgr");
    const QString resize = input.value(QStringLiteral("resize")).toString(QStringLiteral("bilinear-align-corners"));
    if (resize != QLatin1String("bilinear-align-corners") && resize != QLatin1String("bilinear"))
        return bad(QStringLiteral("input.resize"),
                   tr("expected \"bilinear-align-corners\" or \"bilinear\", not \"%1\"").arg(resize));
    p.input.alignCorners = resize == QLatin1String("bilinear-align-corners");
    for (const QString &key : {QStringLiteral("height"), QStringLiteral("width")}) {
        const QJsonValue v = input.value(key);
        if (v.isUndefined())
            continue;
        const int n = v.toInt(-1);
        if (!v.isDouble() || n < 8 || n > 4096)
            return bad(QStringLiteral("input.") + key, tr("expected a whole number of pixels from 8 to 4096"));
        (key == QLatin1String("height") ? p.input.height : p.input.width) = n;
    }
    const QJsonValue flip = o.value(QStringLiteral("test_time_flip"));
    if (!flip.isUndefined() && !flip.isBool())
        return bad(QStringLiteral("test_time_flip"), tr("expected true or false"));
    p.flipAverage = flip.toBool(false);
    bool ok = true;
    for (const auto &[key, list] : {std::pair{QStringLiteral("classes"), &p.classes},
                                    std::pair{QStringLiteral("nsfw_classes"), &p.nsfwClasses},
                                    std::pair{QStringLiteral("blocks"), &p.blocks}}) {
        if (o.contains(key)) {
            *list = stringList(o.value(key), &ok);
            if (!ok)
                return bad(key, tr("expected a list of names"));
        }
    }
    if (p.classes.removeDuplicates() > 0)
        return bad(QStringLiteral("classes"), tr("a class is named twice"));
    // predict's records name the classes beside these keys.
    for (const QString &reserved : {QStringLiteral("path"), QStringLiteral("nsfw"), QStringLiteral("error")}) {
        if (p.classes.contains(reserved))
            return bad(QStringLiteral("classes"), tr("\"%1\" is reserved; name the class otherwise").arg(reserved));
    }
    return p;
}

std::optional<ModelProfile> ModelProfile::read(const QString &modelDir, QString *error)
{
    const QString path = QDir(modelDir).filePath(QString::fromLatin1(kFileName));
    QFile file(path);
    if (!file.exists()) {
        return ModelProfile();
    }
    if (!QFileInfo(path).isFile() || QFileInfo(path).size() > kMaxProfileBytes || !file.open(QIODevice::ReadOnly)) {
        if (error)
            *error = tr("Cannot read the model profile %1.").arg(QDir::toNativeSeparators(path));
        return std::nullopt;
    }
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(file.readAll(), &parseError);
    if (!doc.isObject()) {
        if (error)
            *error = tr("The model profile %1 is not a JSON object: %2")
                         .arg(QDir::toNativeSeparators(path), parseError.errorString());
        return std::nullopt;
    }
    QString why;
    std::optional<ModelProfile> p = fromJson(doc.object(), &why);
    if (!p) {
        if (error)
            *error = tr("The model profile %1 is invalid: %2").arg(QDir::toNativeSeparators(path), why);
        return std::nullopt;
    }
    p->origin = path;
    return p;
}

bool ModelProfile::write(const QString &dir, QString *error) const
{
    QSaveFile file(QDir(dir).filePath(QString::fromLatin1(kFileName)));
    if (!file.open(QIODevice::WriteOnly) || file.write(QJsonDocument(toJson()).toJson()) < 0 || !file.commit()) {
        if (error)
            *error = tr("Cannot write the model profile in %1: %2").arg(QDir::toNativeSeparators(dir),
                                                                        file.errorString());
        return false;
    }
    return true;
}

ModelProfile ModelProfile::nsfwjs(const QStringList &layerNames)
{
    ModelProfile p;
    p.classes = {QStringLiteral("Drawing"), QStringLiteral("Hentai"), QStringLiteral("Neutral"),
                 QStringLiteral("Porn"), QStringLiteral("Sexy")};
    p.nsfwClasses = {QStringLiteral("Hentai"), QStringLiteral("Porn"), QStringLiteral("Sexy")};
    // MobileNetV2's blocks start with block_N_expand (N = 1..16); InceptionV3's block mixedN starts with the layer
    // after mixed(N-1) (N = 1..10; mixed9_0 and mixed9_1 are concatenations inside mixed9 and mixed10).
    static const QRegularExpression expand(QStringLiteral("^block_\\d+_expand$"));
    static const QRegularExpression mixed(QStringLiteral("^mixed\\d+$"));
    for (int i = 0; i < layerNames.size(); ++i) {
        const QString &n = layerNames.at(i);
        if (expand.match(n).hasMatch())
            p.blocks << n;
        else if (mixed.match(n).hasMatch() && i + 1 < layerNames.size() && n != QLatin1String("mixed10"))
            p.blocks << layerNames.at(i + 1);
    }
    p.name = layerNames.contains(QStringLiteral("mixed10")) ? QStringLiteral("nsfwjs InceptionV3")
             : !p.blocks.isEmpty()                          ? QStringLiteral("nsfwjs MobileNetV2")
                                                            : QStringLiteral("nsfwjs");
    return p;
}

ModelProfile ModelProfile::completed(int inputHeight, int inputWidth, int outputClasses, const QStringList &layerNames,
                                     QString *error) const
{
    ModelProfile p = *this;
    if (p.classes.isEmpty() && p.nsfwClasses.isEmpty() && p.blocks.isEmpty() && p.origin == QLatin1String("defaults")
        && outputClasses == 5) {
        const QString origin = p.origin;
        const Preprocessing input = p.input;
        p = nsfwjs(layerNames);
        p.origin = origin;
        p.input = input;
        qCInfo(lcModel) << "no" << kFileName << "beside the model: its five classes are taken for nsfwjs's";
    }
    if (p.input.height <= 0 || p.input.width <= 0) {
        p.input.height = inputHeight;
        p.input.width = inputWidth;
    }
    if (p.classes.isEmpty()) {
        for (int c = 0; c < outputClasses; ++c)
            p.classes << QStringLiteral("class%1").arg(c);
    }
    if (p.nsfwClasses.isEmpty() && !p.classes.isEmpty())
        p.nsfwClasses = {p.classes.constLast()};
    auto fail = [error](const QString &message) {
        if (error)
            *error = message;
    };
    if (p.classes.size() != outputClasses)
        fail(tr("the model profile names %1 classes, the model has %2 outputs").arg(p.classes.size())
                 .arg(outputClasses));
    else if (p.input.height != inputHeight || p.input.width != inputWidth)
        fail(tr("the model profile's input is %1x%2, the model's is %3x%4")
                 .arg(p.input.width).arg(p.input.height).arg(inputWidth).arg(inputHeight));
    for (const QString &c : p.nsfwClasses) {
        if (!p.classes.contains(c))
            fail(tr("the model profile's nsfw class \"%1\" is not one of its classes").arg(c));
    }
    for (const QString &b : p.blocks) {
        if (!layerNames.contains(b))
            fail(tr("the model profile's block \"%1\" is not a layer of the model").arg(b));
    }
    return p;
}

} // namespace nsfw
