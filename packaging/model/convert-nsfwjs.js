// Turns a model bundled inside the nsfwjs npm package (JavaScript modules holding the
// topology and base64 weight shards) into the standard TF.js Layers files:
// model.json + binary weight shards, loadable by tf.loadLayersModel and by our core.
//
// usage: node convert-nsfwjs.js NODE_MODULES_DIR MODEL_NAME OUT_DIR
'use strict';
const fs = require('fs');
const path = require('path');

const [nodeModules, modelName, outDir] = process.argv.slice(2);
if (!nodeModules || !modelName || !outDir) {
  console.error('usage: node convert-nsfwjs.js NODE_MODULES_DIR MODEL_NAME OUT_DIR');
  process.exit(2);
}
const srcDir = path.join(nodeModules, 'nsfwjs', 'dist', 'models', modelName);
const topo = require(path.resolve(srcDir, 'model.min.js'));
const model = topo.default || topo;
if (!model.modelTopology || !model.weightsManifest) {
  console.error(`${srcDir}/model.min.js: no modelTopology/weightsManifest`);
  process.exit(1);
}
if (!model.format) model.format = 'layers-model';
if (!model.generatedBy) model.generatedBy = 'nsfwjs ' + require(path.resolve(nodeModules, 'nsfwjs', 'package.json')).version;

const tmp = outDir + '.tmp';
fs.rmSync(tmp, { recursive: true, force: true });
fs.mkdirSync(tmp, { recursive: true });
let total = 0;
for (const group of model.weightsManifest) {
  for (const p of group.paths) {
    const shard = require(path.resolve(srcDir, p + '.min.js'));
    const b64 = typeof shard === 'string' ? shard : shard.default;
    const bytes = Buffer.from(b64, 'base64');
    total += bytes.length;
    fs.writeFileSync(path.join(tmp, p), bytes);
  }
}
fs.writeFileSync(path.join(tmp, 'model.json'), JSON.stringify(model));
fs.rmSync(outDir, { recursive: true, force: true });
fs.renameSync(tmp, outDir);
console.log(`${modelName}: ${total} bytes of weights -> ${outDir}`);
