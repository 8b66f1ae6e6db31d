#pragma once
// Internal to the ONNX export (onnxexport.cpp, onnxgraph.cpp): the writer that turns a KerasGraph into ONNX nodes.
// Torch-side and onnx-side: include from those .cpp files only.

#include "model/kerasgraph.h"

#include <QString>

#include <onnx/onnx_pb.h>

#include <set>
#include <string>
#include <vector>

namespace nsfw::onnxexport {

inline const std::string kInputName = "input";
inline const std::string kOutputName = "probabilities";

/// Thrown inside the walk: the translated reason the model cannot be exported.
struct Refusal {
    QString message;
};

/// Builds the ONNX graph of one KerasGraph, layer by layer; write() throws Refusal naming the layer it cannot express.
class GraphWriter
{
public:
    GraphWriter(const TfjsModel &model, KerasGraph &graph, onnx::GraphProto *out)
        : m_model(model)
        , m_graph(graph)
        , m_out(out)
    {
    }

    void write();
    int outputClasses() const { return m_classes; }

private:
    using Shape = std::vector<int64_t>;

    void inferShapes();
    void writeNode(int i);
    void writeConv(int i, const ConvLayerImpl &conv, const std::string &in, const std::string &out);
    void writeActivation(const std::string &layer, const std::string &activation, const std::string &in,
                         const std::string &out, size_t rank);
    void writePool(int i, const KerasLayerSpec &spec, const std::string &in, const std::string &out);
    /// Makes `out` the same tensor as `in`: no node, except an Identity when `out` is the graph's output.
    void alias(int i, const std::string &in);

    onnx::NodeProto *node(const char *op, const std::string &name, const std::vector<std::string> &inputs,
                          const std::vector<std::string> &outputs);
    std::string initializer(const std::string &name, const torch::Tensor &t);
    /// A tensor name not used yet, from `base`.
    std::string fresh(const std::string &base);

    const TfjsModel &m_model;
    KerasGraph &m_graph;
    onnx::GraphProto *m_out;
    std::vector<Shape> m_shapes;
    std::vector<bool> m_needed;
    std::vector<std::string> m_names; ///< the ONNX tensor holding each Keras node's output
    std::set<std::string> m_used;
    int m_classes = 0;
};

} // namespace nsfw::onnxexport
