#pragma once
// Torch-side header: include only from .cpp files of the model and training rooms (it pulls in <torch/torch.h>).
// Everything else uses model/classifier.h, which exposes Qt/std types only.

#include "model/keraslayers.h"
#include "model/tfjsmodel.h"

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace nsfw {

/// A Keras functional model as a torch module: the layers of model.json executed in topological order.
/// Input: NCHW float tensor (RGB in [0,1] for nsfwjs models), output: the Keras output (5 softmax probabilities).
/// Submodules are registered under the Keras layer names, parameters under the Keras weight short names
/// (`named_parameters()` gives "Conv1.kernel", "bn_Conv1.gamma", ...), so optimizers and freezing see them all.
class KerasGraphImpl : public torch::nn::Module
{
public:
    /// Builds the graph from a parsed model; throws ModelError (naming file, layer, field) on any defect.
    explicit KerasGraphImpl(const TfjsModel &model);

    /// Full forward pass.
    torch::Tensor forward(const torch::Tensor &input);
    /// Output of the named layer (e.g. the backbone features: forwardTo(x, featureLayer())).
    torch::Tensor forwardTo(const torch::Tensor &input, const std::string &layer);
    /// Runs the layers after `layer` given that layer's output (e.g. the head from cached features).
    /// Throws ModelError when the output depends on anything other than that layer.
    torch::Tensor forwardFrom(const std::string &layer, const torch::Tensor &layerOutput);

    /// Layer names in execution (topological) order, and their Keras class names.
    std::vector<std::string> layerNames() const;
    std::vector<std::string> layerClasses() const;
    std::shared_ptr<KerasLayerImpl> layer(const std::string &name) const;
    /// The layer whose output enters the classification head: the last Flatten or global pooling layer.
    std::string featureLayer() const;
    /// Input size the model was built for: height, width, channels.
    int64_t inputHeight() const { return m_inputShape[0]; }
    int64_t inputWidth() const { return m_inputShape[1]; }
    int64_t inputChannels() const { return m_inputShape[2]; }

    /// Sets requires_grad on the parameters of the named layer; false when there is no such layer.
    bool setLayerTrainable(const std::string &layer, bool trainable);
    /// Freezes every layer before `firstTrainable` and unfreezes it and all later ones.
    bool setTrainableFrom(const std::string &firstTrainable);

    /// All weights by full Keras name ("Conv1/kernel") in Keras layout, in the model's manifest order.
    std::vector<std::pair<std::string, torch::Tensor>> kerasWeights() const;
    /// Sets one weight by full Keras name from a Keras-layout tensor; throws ModelError when unknown or mis-shaped.
    void setKerasWeight(const std::string &fullName, const torch::Tensor &kerasValue);

    /// Internal plan: node i runs layer i on the outputs of nodes `inputs`.
    struct Node {
        std::shared_ptr<KerasLayerImpl> layer;
        std::vector<int> inputs;
    };
    const std::vector<Node> &nodes() const { return m_nodes; }
    int outputNode() const { return m_output; }
    /// Runs node i of a pass over `pictures` pictures, turning LayerError/c10::Error into ModelError that names the
    /// layer. Refuses (ModelError) before running when the output would exceed limits::kMaxActivationValues per
    /// picture; with `work`, adds the layer's work per picture to it and refuses past limits::kMaxWork.
    torch::Tensor runNode(int i, const std::vector<torch::Tensor> &inputs, int64_t pictures,
                          double *work = nullptr) const;

    /// Runs one picture of zeros through the model, checking every layer's cost before it runs; throws ModelError.
    /// buildKerasGraph() does this once. Returns the output.
    torch::Tensor dryRun();
    /// Number of outputs (classes) found by the dry run; 0 before it.
    int64_t outputClasses() const { return m_outputClasses; }

private:
    torch::Tensor evaluate(std::map<int, torch::Tensor> known, int target, double *work = nullptr);
    int indexOf(const std::string &layer) const;

    QString m_file;
    std::vector<Node> m_nodes;
    std::vector<std::string> m_weightOrder;
    int m_input = 0;
    int m_output = 0;
    int64_t m_inputShape[3] = {0, 0, 0};
    int64_t m_outputClasses = 0;
};
TORCH_MODULE(KerasGraph);

/// Throwable form of ModelError used inside the torch rooms.
struct ModelException {
    ModelError error;
};

/// Reads model.json (+ shards) from a model folder, builds the graph in eval mode and checks it with a dry run.
/// Returns nullopt with *error filled instead of throwing. This is the entry point for training code. `profile`, when
/// given, gets the model's profile completed from the graph (a profile that contradicts the model is an error).
std::optional<KerasGraph> loadKerasGraph(const QString &modelDir, ModelError *error, ModelProfile *profile = nullptr);
/// Same from an already parsed model.
std::optional<KerasGraph> buildKerasGraph(const TfjsModel &model, ModelError *error);

} // namespace nsfw
