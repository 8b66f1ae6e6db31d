#pragma once

#include <QString>

#include <utility>
#include <vector>

namespace nsfw {

/// What exportOnnx wrote, for the caller's message.
struct OnnxExportSummary {
    int nodes = 0;
    int initializers = 0;
    int opset = 0;
    int inputHeight = 0;
    int inputWidth = 0;
};

/// Writes the TF.js Layers model in `modelDir` (the pretrained model or a run's checkpoint) as one ONNX file: the
/// Keras layer graph as ONNX nodes, the weights as float initializers, built with the onnx protobuf classes and
/// checked with onnx::checker before it is written. Input "input" is NCHW float RGB in [0, 1]; output
/// "probabilities" the model's softmax. The preprocessing and how p(nsfw) is made are in the model's
/// metadata_props, `metadata` adds entries (the run, its threshold). Opset 10: OpenCV 4.6's importer reads Clip and
/// Pad only in their attribute forms (opset <= 10).
///
/// `outFile` must not exist; with `replace`, an ONNX file this tool wrote (producer "NSFW Workbench") is replaced,
/// never any other file or a folder. Written atomically. False with a message naming the layer when the model holds
/// a layer or activation that has no ONNX form here.
bool exportOnnx(const QString &modelDir, const QString &outFile, bool replace, QString *error,
                const std::vector<std::pair<QString, QString>> &metadata = {}, OnnxExportSummary *summary = nullptr);

/// The producer name written into every exported file (and required of a file `replace` may overwrite).
inline constexpr const char *kOnnxProducer = "NSFW Workbench";

} // namespace nsfw
