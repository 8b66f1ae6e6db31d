#pragma once
// Internal to the model room: readers for Keras layer configs that throw LayerError naming the field, and the
// shape helpers shared by the layer implementations. Torch-side (include from model .cpp files only).

#include "model/keraslayers.h"
#include "model/modellimits.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QLocale>

#include <cmath>
#include <limits>
#include <optional>

namespace nsfw::keras {

namespace F = torch::nn::functional;

[[noreturn]] inline void bad(const std::string &field, const std::string &message)
{
    throw LayerError{field, message};
}

inline QJsonValue value(const KerasLayerSpec &spec, const char *key)
{
    return spec.config.value(QLatin1String(key));
}

inline double number(const KerasLayerSpec &spec, const char *key, std::optional<double> fallback = std::nullopt)
{
    const QJsonValue v = value(spec, key);
    if ((v.isUndefined() || v.isNull()) && fallback)
        return *fallback;
    if (!v.isDouble() || !std::isfinite(v.toDouble()))
        bad(key, v.isUndefined() ? "missing" : "expected a number");
    return v.toDouble();
}

inline bool boolean(const KerasLayerSpec &spec, const char *key, bool fallback)
{
    const QJsonValue v = value(spec, key);
    if (v.isUndefined() || v.isNull())
        return fallback;
    if (!v.isBool())
        bad(key, "expected true or false");
    return v.toBool();
}

inline std::string text(const KerasLayerSpec &spec, const char *key, std::optional<std::string> fallback = std::nullopt)
{
    const QJsonValue v = value(spec, key);
    if ((v.isUndefined() || v.isNull()) && fallback)
        return *fallback;
    if (!v.isString())
        bad(key, v.isUndefined() ? "missing" : "expected a string");
    return v.toString().toStdString();
}

/// A translated message of the layer builders.
inline std::string trLayer(const QString &translated)
{
    return translated.toStdString();
}

/// An integer in [minimum, maximum]; the maxima come from model/modellimits.h and are checked before any tensor of
/// that size exists.
inline int64_t integer(const QJsonValue &v, const char *key, int64_t minimum, int64_t maximum)
{
    const double d = v.toDouble(std::numeric_limits<double>::quiet_NaN());
    if (!v.isDouble() || !std::isfinite(d) || d != std::floor(d))
        bad(key, trLayer(QCoreApplication::translate("nsfw::KerasLayer", "expected an integer from %1 to %2")
                             .arg(minimum)
                             .arg(maximum)));
    if (d < minimum || d > maximum)
        bad(key, trLayer(QCoreApplication::translate("nsfw::KerasLayer", "%1 is out of range: expected %2 to %3")
                             .arg(std::abs(d) < 1e15 ? QString::number(static_cast<qint64>(d))
                                                     : QString::number(d, 'g', QLocale::FloatingPointShortest))
                             .arg(minimum)
                             .arg(maximum)));
    return static_cast<int64_t>(d);
}

inline int64_t positive(const QJsonValue &v, const char *key, int64_t maximum)
{
    return integer(v, key, 1, maximum);
}

/// An optional integer config entry (absent or null: the fallback).
inline int64_t integer(const KerasLayerSpec &spec, const char *key, int64_t fallback, int64_t minimum, int64_t maximum)
{
    const QJsonValue v = value(spec, key);
    if (v.isUndefined() || v.isNull())
        return fallback;
    return integer(v, key, minimum, maximum);
}

/// An int or [h, w] pair (Keras accepts both for kernel sizes, strides, dilations).
inline std::vector<int64_t> pair(const KerasLayerSpec &spec, const char *key,
                                 std::optional<std::vector<int64_t>> fallback, int64_t maximum)
{
    const QJsonValue v = value(spec, key);
    if ((v.isUndefined() || v.isNull()) && fallback)
        return *fallback;
    if (v.isDouble()) {
        const int64_t n = positive(v, key, maximum);
        return {n, n};
    }
    const QJsonArray a = v.toArray();
    if (!v.isArray() || a.size() != 2)
        bad(key, v.isUndefined() ? "missing" : "expected an integer or a pair of integers");
    return {positive(a.at(0), key, maximum), positive(a.at(1), key, maximum)};
}

inline std::string padding(const KerasLayerSpec &spec)
{
    const std::string p = text(spec, "padding", std::string("valid"));
    if (p != "valid" && p != "same")
        bad("padding", "unsupported padding '" + p + "'");
    return p;
}

inline void channelsLast(const KerasLayerSpec &spec)
{
    const std::string f = text(spec, "data_format", std::string("channels_last"));
    if (f != "channels_last")
        bad("data_format", "only channels_last is supported");
}

/// Number of values in a tensor of these sizes, as a double: no overflow, exact far beyond any limit.
inline double product(const std::vector<int64_t> &sizes)
{
    double n = 1;
    for (int64_t d : sizes)
        n *= static_cast<double>(d);
    return n;
}

/// batch_input_shape [null, height, width, channels], each size within the limits: {height, width, channels}.
inline std::vector<int64_t> inputShape(const KerasLayerSpec &spec)
{
    const QJsonValue v = value(spec, "batch_input_shape");
    const QJsonArray a = v.toArray();
    if (a.size() != 4)
        bad("batch_input_shape", trLayer(QCoreApplication::translate(
                                     "nsfw::KerasLayer", "expected [null, height, width, channels] with known sizes")));
    const int64_t h = positive(a.at(1), "batch_input_shape", limits::kMaxInputSide);
    const int64_t w = positive(a.at(2), "batch_input_shape", limits::kMaxInputSide);
    const int64_t c = positive(a.at(3), "batch_input_shape", limits::kMaxInputChannels);
    if (product({h, w, c}) > static_cast<double>(limits::kMaxActivationValues))
        bad("batch_input_shape",
            trLayer(QCoreApplication::translate("nsfw::KerasLayer",
                                                "a %1 x %2 x %3 input holds more than %L4 values per picture")
                        .arg(h)
                        .arg(w)
                        .arg(c)
                        .arg(limits::kMaxActivationValues)));
    return {h, w, c};
}

/// TF 'same' padding along one axis: total = max((ceil(in/s)-1)*s + (k-1)*d + 1 - in, 0); the extra pixel of an
/// odd total goes after (bottom/right), unlike torch's symmetric padding.
inline std::pair<int64_t, int64_t> samePadding(int64_t in, int64_t k, int64_t s, int64_t d)
{
    const int64_t out = (in + s - 1) / s;
    const int64_t total = std::max<int64_t>((out - 1) * s + (k - 1) * d + 1 - in, 0);
    return {total / 2, total - total / 2};
}

/// Maps a Keras axis of a channels_last tensor to our torch dim (NCHW for rank 4).
inline int64_t torchAxis(int64_t kerasAxis, int64_t rank)
{
    if (kerasAxis < 0)
        kerasAxis += rank;
    if (kerasAxis < 0 || kerasAxis >= rank)
        bad("axis", "axis out of range for a rank-" + std::to_string(rank) + " tensor");
    if (rank != 4 || kerasAxis == 0)
        return kerasAxis;
    return kerasAxis == 3 ? 1 : kerasAxis + 1;
}

inline torch::Tensor tensorOf(const TfjsWeight &w)
{
    return torch::from_blob(const_cast<float *>(w.values.data()), w.shape, torch::kFloat32).clone();
}

inline const TfjsWeight &need(const WeightLookup &weights, const KerasLayerSpec &spec, const std::string &shortName)
{
    const TfjsWeight *w = weights(spec.name.toStdString(), shortName);
    if (!w)
        bad("weightsManifest", "weight '" + spec.name.toStdString() + "/" + shortName + "' is missing");
    return *w;
}

inline void checkShape(const torch::Tensor &t, const std::vector<int64_t> &expected, const std::string &shortName)
{
    if (t.sizes().vec() != expected)
        bad(shortName,
            "weight shape " + c10::str(t.sizes()) + " does not match the layer (" + c10::str(expected) + ")");
}

inline torch::Tensor zeroPad(const torch::Tensor &x, const std::vector<int64_t> &tblr)
{
    return F::pad(x, F::PadFuncOptions({tblr[2], tblr[3], tblr[0], tblr[1]}));
}

} // namespace nsfw::keras
