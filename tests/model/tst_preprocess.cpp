// Preprocessing: the resize computed from 8-bit pixels is the exact bilinear interpolation (as tf.js computes it) and
// within single-precision rounding of ATen's upsample_bilinear2d on the scaled floats (what was used before), and
// --fast-decode gives training the tensor it gives predict.
#include "media/mediacache.h"
#include "model/preprocess.h"
#include "train/trainingdata.h"
#include "train/trainsettings.h"

#include <QTemporaryDir>
#include <QtTest>

#include <ATen/ATen.h>

#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

using namespace nsfw;

namespace {

/// The preprocessing as it was before: the whole picture as floats, scaled, resized by ATen.
std::vector<float> atenReference(const cv::Mat &bgr, const Preprocessing &input)
{
    cv::Mat rgb;
    if (input.bgr)
        rgb = bgr.clone();
    else
        cv::cvtColor(bgr, rgb, cv::COLOR_BGR2RGB);
    at::Tensor x = at::from_blob(rgb.data, {1, rgb.rows, rgb.cols, 3}, at::kByte).permute({0, 3, 1, 2}).to(at::kFloat);
    if (input.scaling == Preprocessing::Scaling::Symmetric)
        x.div_(127.5f).sub_(1.0f);
    else
        x.div_(255.0f);
    if (rgb.rows != input.height || rgb.cols != input.width)
        x = at::upsample_bilinear2d(x, {input.height, input.width}, input.alignCorners);
    const at::Tensor hwc = x.permute({0, 2, 3, 1}).contiguous();
    return std::vector<float>(hwc.data_ptr<float>(), hwc.data_ptr<float>() + hwc.numel());
}

/// The bilinear interpolation in double precision throughout, rounded to float at the end.
std::vector<float> exactReference(const cv::Mat &bgr, const Preprocessing &input)
{
    const int height = input.height, width = input.width;
    auto taps = [&](int in, int out, int d, int *i0, int *i1, double *frac) {
        const double scale = input.alignCorners ? (out > 1 ? double(in - 1) / (out - 1) : 0) : double(in) / out;
        const double src = input.alignCorners ? scale * d : std::max(scale * (d + 0.5) - 0.5, 0.0);
        *i0 = std::min(int(src), in - 1);
        *i1 = std::min(*i0 + 1, in - 1);
        *frac = src - *i0;
    };
    std::vector<float> out;
    for (int y = 0; y < height; ++y) {
        for (int x = 0; x < width; ++x) {
            int y0, y1, x0, x1;
            double fy, fx;
            taps(bgr.rows, height, y, &y0, &y1, &fy);
            taps(bgr.cols, width, x, &x0, &x1, &fx);
            for (int c = 0; c < 3; ++c) {
                const int k = input.bgr ? c : 2 - c;
                auto v = [&](int yy, int xx) {
                    const double p = bgr.at<cv::Vec3b>(yy, xx)[k];
                    return input.scaling == Preprocessing::Scaling::Symmetric ? double(float(p) / 127.5f - 1.0f)
                                                                              : double(float(p) / 255.0f);
                };
                const double top = v(y0, x0) + (v(y0, x1) - v(y0, x0)) * fx;
                const double bottom = v(y1, x0) + (v(y1, x1) - v(y1, x0)) * fx;
                out.push_back(float(top + (bottom - top) * fy));
            }
        }
    }
    return out;
}

cv::Mat noisePicture(int width, int height, int seed)
{
    cv::Mat picture(height, width, CV_8UC3);
    cv::RNG rng(static_cast<uint64>(seed));
    rng.fill(picture, cv::RNG::UNIFORM, 0, 256);
    cv::GaussianBlur(picture, picture, cv::Size(5, 5), 0);
    return picture;
}

} // namespace

class TestPreprocess : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;

private Q_SLOTS:
    void resizeEqualsAten_data()
    {
        QTest::addColumn<int>("width");
        QTest::addColumn<int>("height");
        QTest::addColumn<bool>("alignCorners");
        QTest::addColumn<bool>("symmetric");
        for (bool corners : {true, false}) {
            const char *mode = corners ? "align-corners" : "half-pixel";
            QTest::addRow("%s big", mode) << 1920 << 1080 << corners << false;
            QTest::addRow("%s small", mode) << 60 << 60 << corners << false;
            QTest::addRow("%s same size", mode) << 224 << 224 << corners << false;
            QTest::addRow("%s thin", mode) << 7 << 300 << corners << true;
            QTest::addRow("%s one pixel", mode) << 1 << 1 << corners << false;
            QTest::addRow("%s odd", mode) << 333 << 187 << corners << true;
        }
    }

    void resizeEqualsAten()
    {
        QFETCH(int, width);
        QFETCH(int, height);
        QFETCH(bool, alignCorners);
        QFETCH(bool, symmetric);
        Preprocessing input{224, 224};
        input.alignCorners = alignCorners;
        input.scaling = symmetric ? Preprocessing::Scaling::Symmetric : Preprocessing::Scaling::Unit;
        for (bool bgrOrder : {false, true}) {
            input.bgr = bgrOrder;
            const cv::Mat bgr = noisePicture(width, height, width + height);
            const PreparedImage ours = prepareBgr(bgr, input);
            QVERIFY2(ours.ok(), qPrintable(ours.error));
            const std::vector<float> want = atenReference(bgr, input);
            QCOMPARE(ours.hwc.size(), want.size());
            double worst = 0;
            for (size_t i = 0; i < want.size(); ++i)
                worst = std::max(worst, double(std::abs(ours.hwc[i] - want[i])));
            // ATen computes the weights in single precision (errors up to ~1e-5 on a 1920-pixel axis); ours are
            // exact to double rounding, as tf.js's.
            QVERIFY2(worst <= 3e-5, qPrintable(QStringLiteral("largest difference %1").arg(worst)));
            const std::vector<float> exact = exactReference(bgr, input);
            double off = 0;
            for (size_t i = 0; i < exact.size(); ++i)
                off = std::max(off, double(std::abs(ours.hwc[i] - exact[i])));
            QVERIFY2(off <= 1e-7, qPrintable(QStringLiteral("%1 from the exact interpolation").arg(off)));
        }
        // A crop of a bigger picture (rows not contiguous) is read in place.
        const cv::Mat big = noisePicture(width + 10, height + 10, 7);
        const cv::Mat crop = big(cv::Rect(5, 5, width, height));
        QCOMPARE(prepareBgr(crop, input).hwc, prepareBgr(crop.clone(), input).hwc);
    }

    void fastDecodeFactorKeepsTheInputSize_data()
    {
        QTest::addColumn<int>("width");
        QTest::addColumn<int>("height");
        QTest::addColumn<int>("factor");
        QTest::newRow("5120x2880") << 5120 << 2880 << 8; // 360 >= 224
        QTest::newRow("2560x1600") << 2560 << 1600 << 4; // 400; 1/8 would be 200
        QTest::newRow("1792x1792") << 1792 << 1792 << 8; // exactly 224
        QTest::newRow("1785x1785") << 1785 << 1785 << 8; // ceil(1785 / 8) = 224
        QTest::newRow("1784x1784") << 1784 << 1784 << 4; // 223 at 1/8
        QTest::newRow("1080x1920") << 1080 << 1920 << 4; // portrait: the short side decides
        QTest::newRow("400x250") << 400 << 250 << 1;
        QTest::newRow("448x5000") << 448 << 5000 << 2;
    }

    void fastDecodeFactorKeepsTheInputSize()
    {
        QFETCH(int, width);
        QFETCH(int, height);
        QFETCH(int, factor);
        Preprocessing input{224, 224};
        QCOMPARE(fastDecodeFactor(width, height, input), 1); // off unless asked
        input.fastDecode = true;
        QCOMPARE(fastDecodeFactor(width, height, input), factor);
    }

    void fastDecodeIsTheSameInTrainingAndPredict()
    {
        QVERIFY(m_dir.isValid());
        const QString path = m_dir.filePath(QStringLiteral("photo.jpg"));
        QVERIFY(cv::imwrite(path.toStdString(), noisePicture(2000, 1200, 3)));
        const QString png = m_dir.filePath(QStringLiteral("photo.png"));
        QVERIFY(cv::imwrite(png.toStdString(), noisePicture(2000, 1200, 3)));
        const MediaCache cache(m_dir.filePath(QStringLiteral("cache")));
        for (bool fast : {false, true}) {
            Preprocessing input{224, 224};
            input.fastDecode = fast;
            for (const QString &file : {path, png}) {
                MediaRef ref;
                ref.sourcePath = file;
                QString error;
                const cv::Mat decoded = decodeForModel(ref, cache, &error, input);
                QVERIFY2(!decoded.empty(), qPrintable(error));
                // A JPEG at a quarter (1200 / 8 = 150 < 224), a PNG always whole.
                QCOMPARE(decoded.cols, fast && file == path ? 500 : 2000);
                const at::Tensor trained = toModelInput(decoded, input); // [3, h, w]
                const PreparedImage predicted = prepareImageFile(file, input);
                QVERIFY2(predicted.ok(), qPrintable(predicted.error));
                const at::Tensor scored =
                    at::from_blob(const_cast<float *>(predicted.hwc.data()), {224, 224, 3}).permute({2, 0, 1});
                QVERIFY(at::equal(trained, scored.contiguous()));
            }
        }
        // The reduced picture is another input: close, not equal.
        Preprocessing exact{224, 224}, fast{224, 224};
        fast.fastDecode = true;
        const PreparedImage a = prepareImageFile(path, exact), b = prepareImageFile(path, fast);
        QVERIFY(a.hwc != b.hwc);
    }

    void theRunKeepsTheChoice()
    {
        TrainSettings s;
        QVERIFY(!TrainSettings::fromJson(s.toJson()).fastDecode);
        s.fastDecode = true;
        QVERIFY(TrainSettings::fromJson(s.toJson()).fastDecode);
        QVERIFY(!TrainSettings::fromJson(QJsonObject{}).fastDecode); // runs from before
    }
};

QTEST_GUILESS_MAIN(TestPreprocess)
#include "tst_preprocess.moc"
