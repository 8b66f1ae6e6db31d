// libFuzzer target for the TF.js Layers loader: parses model.json + one shard from the fuzz input, then builds
// the torch graph with its dry run. Any crash, abort, sanitizer report, escaping exception, timeout or
// out-of-memory is a bug: the loader must turn every defect into a ModelError, and its own limits
// (core/model/modellimits.h) must keep every model it accepts cheap to build. The harness adds no caps of its own.
//
// Input format: the model.json bytes, optionally followed by "\n#SHARD#\n" and the bytes every shard path reads.
// Seeds: tests/model/fuzz/corpus (malformed-*.json written by make_corpus.py). Run it with packaging/fuzz.sh.
#include "model/kerasgraph.h"
#include "model/tfjsmodel.h"

#include <QByteArray>
#include <QLoggingCategory>

#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static const bool once = [] {
        at::set_num_threads(1);
        QLoggingCategory::setFilterRules(QStringLiteral("nsfw.*=false")); // warnings would drown the fuzzer
        return true;
    }();
    (void)once;
    const QByteArray input(reinterpret_cast<const char *>(data), static_cast<int>(size));
    const int sep = input.indexOf("\n#SHARD#\n");
    const QByteArray json = sep < 0 ? input : input.left(sep);
    const std::optional<QByteArray> shard = sep < 0 ? std::nullopt : std::optional<QByteArray>(input.mid(sep + 9));
    nsfw::ModelError error;
    const auto model = nsfw::parseTfjsModel(
        json, QStringLiteral("fuzz/model.json"), [&](const QString &) { return shard; }, &error);
    if (!model)
        return 0;
    (void)nsfw::buildKerasGraph(*model, &error);
    return 0;
}
