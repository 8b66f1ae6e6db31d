#include "model/kerasgraph.h"

#include "common/logging.h"
#include "model/kerasconfig.h"
#include "model/modellimits.h"

#include <QCoreApplication>

#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QSet>

#include <unordered_map>

namespace nsfw {

namespace {

ModelError layerError(const QString &file, const std::string &layer, const std::string &field, const std::string &msg)
{
    return ModelError{file, QString::fromStdString(layer), QString::fromStdString(field), QString::fromStdString(msg)};
}

std::string moduleName(const QString &kerasName)
{
    // torch forbids '.' in module names; Keras names rarely have one.
    std::string n = kerasName.toStdString();
    for (char &ch : n) {
        if (ch == '.')
            ch = '_';
    }
    return n;
}

} // namespace

KerasGraphImpl::KerasGraphImpl(const TfjsModel &model)
    : m_file(model.jsonPath)
{
    std::unordered_map<std::string, const TfjsWeight *> byName;
    for (const TfjsWeight &w : model.weights)
        byName[w.name.toStdString()] = &w;
    std::unordered_map<const TfjsWeight *, bool> used;
    const WeightLookup lookup = [&](const std::string &layer, const std::string &shortName) -> const TfjsWeight * {
        const std::string full = layer + "/" + shortName;
        if (auto it = byName.find(full); it != byName.end()) {
            used[it->second] = true;
            return it->second;
        }
        // Exporters may prefix a scope ("model_1/Conv1/kernel").
        for (const TfjsWeight &w : model.weights) {
            const std::string n = w.name.toStdString();
            if (n.size() > full.size() && n.compare(n.size() - full.size(), full.size(), full) == 0 &&
                n[n.size() - full.size() - 1] == '/') {
                used[&w] = true;
                return &w;
            }
        }
        return nullptr;
    };

    std::unordered_map<std::string, int> index;
    for (const KerasLayerSpec &spec : model.layers) {
        Node node;
        try {
            if (spec.className == QLatin1String("InputLayer")) {
                const std::vector<int64_t> shape = keras::inputShape(spec);
                std::copy(shape.begin(), shape.end(), m_inputShape);
            }
            node.layer = makeKerasLayer(spec, lookup);
        } catch (const LayerError &e) {
            throw ModelException{layerError(m_file, spec.name.toStdString(), e.field, e.message)};
        } catch (const c10::Error &e) {
            throw ModelException{layerError(m_file, spec.name.toStdString(), {}, e.what_without_backtrace())};
        }
        for (const KerasInbound &in : spec.inbound) {
            if (in.nodeIndex != 0 || in.tensorIndex != 0)
                throw ModelException{layerError(m_file, spec.name.toStdString(), "inbound_nodes",
                                                "only single-output, single-call layers are supported")};
            node.inputs.push_back(index.at(in.layer.toStdString())); // the reader checked the order
        }
        const int wanted = node.layer->inputCount();
        const int got = static_cast<int>(node.inputs.size());
        if ((wanted == -1 && got < 2) ||
            (wanted >= 0 && got != (spec.className == QLatin1String("InputLayer") ? 0 : 1)))
            throw ModelException{layerError(m_file, spec.name.toStdString(), "inbound_nodes",
                                            "wrong number of inputs (" + std::to_string(got) + ")")};
        index[spec.name.toStdString()] = static_cast<int>(m_nodes.size());
        register_module(moduleName(spec.name), node.layer);
        m_nodes.push_back(std::move(node));
    }
    m_input = index.at(model.inputs.first().layer.toStdString());
    m_output = index.at(model.outputs.first().layer.toStdString());
    if (m_nodes[m_input].layer->className() != "InputLayer")
        throw ModelException{layerError(m_file, m_nodes[m_input].layer->kerasName(), "input_layers",
                                        "the model input is not an InputLayer")};
    for (const TfjsWeight &w : model.weights) {
        if (used.count(&w))
            m_weightOrder.push_back(w.name.toStdString());
        else
            qCWarning(lcModel) << m_file << "weight" << w.name << "belongs to no layer; ignored";
    }
}

torch::Tensor KerasGraphImpl::runNode(int i, const std::vector<torch::Tensor> &inputs, int64_t pictures,
                                      double *work) const
{
    const KerasLayerImpl &layer = *m_nodes[i].layer;
    try {
        // The layer's cost is known from its input sizes: refuse before torch allocates the output.
        std::vector<std::vector<int64_t>> sizes;
        for (const torch::Tensor &t : inputs)
            sizes.push_back(t.sizes().vec());
        const LayerCost cost = layer.cost(sizes);
        // Per picture of the whole run: a layer's own dim 0 is no measure (Concatenate on axis 0 grows it).
        const double n = static_cast<double>(std::max<int64_t>(1, pictures));
        if (cost.values / n > static_cast<double>(limits::kMaxActivationValues))
            throw ModelException{
                ModelError{m_file, QString::fromStdString(layer.kerasName()), QString(),
                           QCoreApplication::translate("nsfw::KerasGraph", "its output would hold %L1 values per "
                                                                           "picture; at most %L2 are allowed")
                               .arg(cost.values / n, 0, 'f', 0)
                               .arg(limits::kMaxActivationValues)}};
        if (work) {
            *work += cost.work / n;
            if (*work > static_cast<double>(limits::kMaxWork))
                throw ModelException{
                    ModelError{m_file, QString::fromStdString(layer.kerasName()), QString(),
                               QCoreApplication::translate("nsfw::KerasGraph", "the model needs more work per picture "
                                                                               "than the %L1 multiply-adds allowed, by "
                                                                               "this layer")
                                   .arg(limits::kMaxWork)}};
        }
        return const_cast<KerasLayerImpl &>(layer).forward(inputs);
    } catch (const LayerError &e) {
        throw ModelException{layerError(m_file, layer.kerasName(), e.field, e.message)};
    } catch (const c10::Error &e) {
        throw ModelException{layerError(m_file, layer.kerasName(), {}, e.what_without_backtrace())};
    }
}

torch::Tensor KerasGraphImpl::evaluate(std::map<int, torch::Tensor> known, int target, double *work)
{
    // The given tensors (the model input, or a layer's output for forwardFrom) carry the batch in dim 0.
    const torch::Tensor &given = known.begin()->second;
    const int64_t pictures = given.dim() > 0 ? given.size(0) : 1;
    // Which nodes are needed, and how many needed consumers each has (to free tensors early).
    std::vector<int> uses(m_nodes.size(), 0);
    std::vector<bool> needed(m_nodes.size(), false);
    std::vector<int> stack{target};
    needed[target] = true;
    while (!stack.empty()) {
        const int n = stack.back();
        stack.pop_back();
        if (known.count(n))
            continue;
        if (m_nodes[n].inputs.empty())
            throw ModelException{layerError(m_file, m_nodes[n].layer->kerasName(), {},
                                            "this layer's value is needed but was not given")};
        for (int in : m_nodes[n].inputs) {
            ++uses[in];
            if (!needed[in]) {
                needed[in] = true;
                stack.push_back(in);
            }
        }
    }
    std::vector<torch::Tensor> values(m_nodes.size());
    for (auto &[n, t] : known)
        values[n] = t;
    known.clear();
    std::vector<torch::Tensor> args;
    for (int n = 0; n <= target; ++n) {
        if (!needed[n] || values[n].defined())
            continue;
        args.clear();
        for (int in : m_nodes[n].inputs) {
            args.push_back(values[in]);
            if (--uses[in] == 0 && in != target)
                values[in] = torch::Tensor(); // last consumer: release the activation
        }
        values[n] = runNode(n, args, pictures, work);
    }
    return values[target];
}

torch::Tensor KerasGraphImpl::forward(const torch::Tensor &input)
{
    return forwardTo(input, m_nodes[m_output].layer->kerasName());
}

torch::Tensor KerasGraphImpl::forwardTo(const torch::Tensor &input, const std::string &layer)
{
    if (input.dim() != 4 || input.size(1) != m_inputShape[2])
        throw ModelException{layerError(m_file, m_nodes[m_input].layer->kerasName(), "batch_input_shape",
                                        "input must be [N, " + std::to_string(m_inputShape[2]) + ", H, W], got " +
                                            c10::str(input.sizes()))};
    return evaluate({{m_input, input}}, indexOf(layer));
}

torch::Tensor KerasGraphImpl::dryRun()
{
    c10::InferenceMode guard;
    double work = 0;
    const torch::Tensor y =
        evaluate({{m_input, torch::zeros({1, m_inputShape[2], m_inputShape[0], m_inputShape[1]})}}, m_output, &work);
    if (y.dim() != 2)
        throw ModelException{
            ModelError{m_file,
                       {},
                       QStringLiteral("output_layers"),
                       QCoreApplication::translate("nsfw::KerasGraph", "the output must be [batch, classes]")}};
    m_outputClasses = y.size(1);
    qCDebug(lcModel) << m_file << "dry run: work per picture" << work << "of" << limits::kMaxWork;
    return y;
}

torch::Tensor KerasGraphImpl::forwardFrom(const std::string &layer, const torch::Tensor &layerOutput)
{
    return evaluate({{indexOf(layer), layerOutput}}, m_output);
}

int KerasGraphImpl::indexOf(const std::string &layer) const
{
    for (size_t i = 0; i < m_nodes.size(); ++i) {
        if (m_nodes[i].layer->kerasName() == layer)
            return static_cast<int>(i);
    }
    throw ModelException{layerError(m_file, layer, {}, "no such layer")};
}

std::vector<std::string> KerasGraphImpl::layerNames() const
{
    std::vector<std::string> names;
    for (const Node &n : m_nodes)
        names.push_back(n.layer->kerasName());
    return names;
}

std::vector<std::string> KerasGraphImpl::layerClasses() const
{
    std::vector<std::string> classes;
    for (const Node &n : m_nodes)
        classes.push_back(n.layer->className());
    return classes;
}

std::shared_ptr<KerasLayerImpl> KerasGraphImpl::layer(const std::string &name) const
{
    for (const Node &n : m_nodes) {
        if (n.layer->kerasName() == name)
            return n.layer;
    }
    return nullptr;
}

std::string KerasGraphImpl::featureLayer() const
{
    std::string last;
    for (const Node &n : m_nodes) {
        const std::string &c = n.layer->className();
        if (c == "Flatten" || c == "GlobalAveragePooling2D" || c == "GlobalMaxPooling2D")
            last = n.layer->kerasName();
    }
    return last;
}

bool KerasGraphImpl::setLayerTrainable(const std::string &name, bool trainable)
{
    const auto l = layer(name);
    if (!l)
        return false;
    for (auto &p : l->parameters())
        p.set_requires_grad(trainable);
    return true;
}

bool KerasGraphImpl::setTrainableFrom(const std::string &firstTrainable)
{
    if (!layer(firstTrainable))
        return false;
    bool on = false;
    for (const Node &n : m_nodes) {
        on = on || n.layer->kerasName() == firstTrainable;
        for (auto &p : n.layer->parameters())
            p.set_requires_grad(on);
    }
    return true;
}

std::vector<std::pair<std::string, torch::Tensor>> KerasGraphImpl::kerasWeights() const
{
    std::unordered_map<std::string, torch::Tensor> all;
    for (const Node &n : m_nodes) {
        for (auto &[shortName, t] : n.layer->kerasWeights())
            all[n.layer->kerasName() + "/" + shortName] = t;
    }
    std::vector<std::pair<std::string, torch::Tensor>> ordered;
    for (const std::string &name : m_weightOrder) {
        // Manifest names may carry a scope prefix; match by suffix like the loader did.
        for (auto it = all.begin(); it != all.end(); ++it) {
            const std::string &k = it->first;
            if (name == k || (name.size() > k.size() && name.compare(name.size() - k.size(), k.size(), k) == 0 &&
                              name[name.size() - k.size() - 1] == '/')) {
                ordered.emplace_back(name, it->second);
                all.erase(it);
                break;
            }
        }
    }
    return ordered;
}

void KerasGraphImpl::setKerasWeight(const std::string &fullName, const torch::Tensor &kerasValue)
{
    const auto slash = fullName.rfind('/');
    const auto prev = slash == std::string::npos ? std::string::npos : fullName.rfind('/', slash - 1);
    if (slash == std::string::npos)
        throw ModelException{layerError(m_file, {}, fullName, "expected LAYER/WEIGHT")};
    const std::string layerName = fullName.substr(prev == std::string::npos ? 0 : prev + 1, slash - (prev + 1));
    const auto l = layer(layerName);
    if (!l)
        throw ModelException{layerError(m_file, layerName, fullName, "no such layer")};
    try {
        l->setKerasWeight(fullName.substr(slash + 1), kerasValue);
    } catch (const LayerError &e) {
        throw ModelException{layerError(m_file, layerName, e.field, e.message)};
    } catch (const c10::Error &e) {
        throw ModelException{layerError(m_file, layerName, fullName, e.what_without_backtrace())};
    }
}

std::optional<KerasGraph> buildKerasGraph(const TfjsModel &model, ModelError *error)
{
    try {
        KerasGraph graph(model);
        graph->eval();
        // Dry run on zeros, as nsfwjs does after loading: shape mismatches surface now, naming the layer.
        graph->dryRun();
        return graph;
    } catch (const ModelException &e) {
        if (error)
            *error = e.error;
    } catch (const LayerError &e) {
        if (error)
            *error = layerError(model.jsonPath, {}, e.field, e.message);
    } catch (const c10::Error &e) {
        if (error)
            *error = ModelError{model.jsonPath, {}, {}, QString::fromStdString(e.what_without_backtrace())};
    } catch (const std::exception &e) {
        if (error)
            *error = ModelError{model.jsonPath, {}, {}, QString::fromUtf8(e.what())};
    }
    return std::nullopt;
}

std::optional<KerasGraph> loadKerasGraph(const QString &modelDir, ModelError *error, ModelProfile *profile)
{
    const QString json = QFileInfo(modelDir).isDir() ? QDir(modelDir).filePath(QStringLiteral("model.json")) : modelDir;
    const std::optional<TfjsModel> model = readTfjsModel(json, error);
    if (!model)
        return std::nullopt;
    std::optional<KerasGraph> graph = buildKerasGraph(*model, error);
    if (graph && profile) {
        QString why;
        *profile = model->profile.completed(int((*graph)->inputHeight()), int((*graph)->inputWidth()),
                                            int((*graph)->outputClasses()), layerNamesOf(*model), &why);
        if (!why.isEmpty()) {
            if (error)
                *error = ModelError{json, {}, {}, why};
            return std::nullopt;
        }
    }
    return graph;
}

} // namespace nsfw
