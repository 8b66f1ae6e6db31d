#!/usr/bin/env python3
"""Writes the malformed-model seeds of the fuzz corpus (tests/model/fuzz/corpus/malformed-*.json).

Each seed mirrors a row of tst_tfjserrors' untrusted() that can be expressed in the fuzz input format (model.json,
"\\n#SHARD#\\n", the bytes every shard path reads): shard names, shard size, and every size a layer or the manifest
gives. The file-system rows (devices, FIFOs, symlinks, sparse files) need a real folder and stay in the test, as
do the rows too large for a fuzz input (4101 layers, a 36 KB kernel).
Weights are uint8-quantized with printable bytes, so the seeds are small text files. Run it again after changing
the cases; it rewrites only malformed-*.json.

    /usr/bin/python3 tests/model/fuzz/make_corpus.py
"""
import copy
import json
import pathlib

CORPUS = pathlib.Path(__file__).resolve().parent / "corpus"


def layer(name, cls, inputs, **config):
    config["name"] = name
    nodes = [[[i, 0, 0, {}] for i in inputs]] if inputs else []
    return {"name": name, "class_name": cls, "config": config, "inbound_nodes": nodes}


def model(layers, weights, output, h=4, w=4, c=3, paths=("group1-shard1of1",)):
    """weights: [(name, shape)], stored as uint8 with printable bytes ('0'..'z')."""
    first = layer("input", "InputLayer", [], batch_input_shape=[None, h, w, c])
    manifest = [{"name": n, "shape": s, "dtype": "float32",
                 "quantization": {"dtype": "uint8", "scale": 0.02, "min": -1.5}} for n, s in weights]
    return {"format": "layers-model",
            "modelTopology": {"model_config": {"class_name": "Model", "config": {
                "name": "m", "layers": [first] + layers,
                "input_layers": [["input", 0, 0]], "output_layers": [[output, 0, 0]]}}},
            "weightsManifest": [{"paths": list(paths), "weights": manifest}]}


def shard_for(doc):
    count = 0
    for w in doc["weightsManifest"][0]["weights"]:
        n = 1
        for d in w["shape"]:
            n *= d
        count += n
    return bytes(0x30 + (i * 37) % 75 for i in range(count))


def small():
    doc = model([layer("conv", "Conv2D", ["input"], filters=2, kernel_size=[3, 3], strides=[1, 1], padding="same",
                       use_bias=True, activation="relu"),
                 layer("gap", "GlobalAveragePooling2D", ["conv"]),
                 layer("dense", "Dense", ["gap"], units=5, activation="softmax")],
                [("conv/kernel", [3, 3, 3, 2]), ("conv/bias", [2]), ("dense/kernel", [2, 5]), ("dense/bias", [5])],
                "dense")
    return doc, shard_for(doc)


def around(cls, h=4, w=4, weights=(), **config):
    doc = model([layer("layer", cls, ["input"], **config), layer("gap", "GlobalAveragePooling2D", ["layer"]),
                 layer("dense", "Dense", ["gap"], units=5, use_bias=False)],
                list(weights) + [("dense/kernel", [3, 5])], "dense", h, w)
    return doc, shard_for(doc)


def edit(key, value, index):
    doc, shard = small()
    doc["modelTopology"]["model_config"]["config"]["layers"][index]["config"][key] = value
    return doc, shard


def paths(*names):
    doc, shard = small()
    doc["weightsManifest"][0]["paths"] = list(names)
    return doc, shard


def extra_weights(*shapes):
    doc, shard = small()
    for i, s in enumerate(shapes):
        doc["weightsManifest"][0]["weights"].append({"name": "extra%d/kernel" % i, "shape": s, "dtype": "float32"})
    return doc, shard


def concat_chain(axis=-1):
    layers, previous = [], "input"
    for i in range(30):
        layers.append(layer("c%d" % i, "Concatenate", [previous, previous], axis=axis))
        previous = "c%d" % i
    doc = model(layers, [], previous)
    return doc, b""


def softmax_axis():
    doc, shard = small()
    cfg = doc["modelTopology"]["model_config"]["config"]
    cfg["layers"].append(layer("softmax", "Softmax", ["dense"], axis=1e300))
    cfg["output_layers"] = [["softmax", 0, 0]]
    return doc, shard


CASES = {
    "path-dotdot": paths("../group1-shard1of1"),
    "path-absolute": paths("/dev/zero"),
    "path-subfolder": paths("sub/group1-shard1of1"),
    "path-empty": paths(""),
    "path-dot": paths("."),
    "path-nul": paths("group1-shard1of1\u0000../../x"),
    "shard-too-long": (small()[0], small()[1] + b"trailing bytes"),
    "input-side": edit("batch_input_shape", [None, 5000, 4, 3], 0),
    "input-channels": edit("batch_input_shape", [None, 4, 4, 17], 0),
    "input-values": edit("batch_input_shape", [None, 4096, 4096, 16], 0),
    "units": edit("units", 70000, 3),
    "filters": edit("filters", 100000, 1),
    "kernel-size": edit("kernel_size", [65, 65], 1),
    "strides": edit("strides", [1, 65], 1),
    "dilation": edit("dilation_rate", 65, 1),
    "groups": edit("groups", 70000, 1),
    "depth-multiplier": around("DepthwiseConv2D", kernel_size=3, depth_multiplier=300,
                               weights=[("layer/depthwise_kernel", [3, 3, 3, 1]), ("layer/bias", [3])]),
    "pool-size": around("MaxPooling2D", pool_size=[2, 65]),
    "pool-strides": around("AveragePooling2D", pool_size=2, strides=100),
    "zero-padding": around("ZeroPadding2D", padding=[[0, 5000], [0, 1]]),
    "axis": softmax_axis(),
    "tensor-too-large": extra_weights([20000, 20000]),
    "parameters-total": extra_weights([10000, 10000], [10000, 10000], [10000, 10000]),
    "rank": extra_weights([1] * 9),
    "activation": around("Conv2D", 4096, 4096, filters=16, kernel_size=1, use_bias=False,
                         weights=[("layer/kernel", [1, 1, 3, 16])]),
    "concat-doubling": concat_chain(),
    "concat-batch-axis": concat_chain(axis=0),  # found by the fuzzer: the batch grew, "per picture" did not
    # The test's multiply-adds row needs a 36 KB kernel, more than the fuzzer's -max_len; pooling has no weights.
    "pooling-work": around("MaxPooling2D", 4096, 4096, pool_size=64, strides=1, padding="same"),
    "slow-pooling": around("MaxPooling2D", 4096, 4096, pool_size=18, strides=1, padding="same"),
    "element-wise-layers": (lambda doc: (doc, b""))(model(
        [layer("relu%d" % i, "ReLU", ["relu%d" % (i - 1) if i else "input"]) for i in range(30)], [], "relu29",
        4096, 4096)),
}


def main():
    for old in CORPUS.glob("malformed-*.json"):
        old.unlink()
    for name, (doc, shard) in CASES.items():
        text = json.dumps(copy.deepcopy(doc)).encode() + b"\n#SHARD#\n" + shard
        (CORPUS / ("malformed-%s.json" % name)).write_bytes(text)
    print("wrote %d seeds to %s" % (len(CASES), CORPUS))


if __name__ == "__main__":
    main()
