// Produces the parity reference: class probabilities that nsfwjs itself (with @tensorflow/tfjs, the pure-JS
// "cpu" backend in Node) gives for the PNGs in a folder. Our C++ parity test compares against this file.
//
// usage: node make-parity-reference.js NODE_MODULES MODEL_DIR IMAGES_DIR OUT_JSON [SIZE]
//   NODE_MODULES  an npm tree with nsfwjs, @tensorflow/tfjs and pngjs
//   MODEL_DIR     TF.js Layers files (model.json + shards), as written by convert-nsfwjs.js
//   SIZE          model input size (224 for mobilenet_v2, 299 for inception_v3)
//
// Pixels: pngjs decodes every PNG colour type to RGBA 8-bit; we keep R, G, B and drop alpha (no compositing),
// which is what tfjs-node's decodeImage(png, 3) and tf.browser.fromPixels(imageData, 3) do too.
'use strict';
const fs = require('fs');
const path = require('path');

const [nodeModules, modelDir, imagesDir, outJson, sizeArg] = process.argv.slice(2);
if (!nodeModules || !modelDir || !imagesDir || !outJson) {
  console.error('usage: node make-parity-reference.js NODE_MODULES MODEL_DIR IMAGES_DIR OUT_JSON [SIZE]');
  process.exit(2);
}
const req = (name) => require(path.resolve(nodeModules, name));
const tf = req('@tensorflow/tfjs');
const nsfwjs = req('nsfwjs');
const { PNG } = req('pngjs');

// An IOHandler that reads the standard files from disk (tfjs's own file:// handler lives in tfjs-node).
function fileHandler(dir) {
  return {
    load: async () => {
      const json = JSON.parse(fs.readFileSync(path.join(dir, 'model.json'), 'utf8'));
      const weightSpecs = [];
      const buffers = [];
      for (const group of json.weightsManifest) {
        weightSpecs.push(...group.weights);
        for (const p of group.paths) buffers.push(fs.readFileSync(path.join(dir, p)));
      }
      const all = Buffer.concat(buffers);
      return {
        modelTopology: json.modelTopology,
        format: json.format,
        generatedBy: json.generatedBy,
        weightSpecs,
        weightData: all.buffer.slice(all.byteOffset, all.byteOffset + all.byteLength),
      };
    },
  };
}

async function main() {
  await tf.setBackend('cpu');
  const size = Number(sizeArg || 224);
  const model = await nsfwjs.load(fileHandler(modelDir), { size });
  const files = fs.readdirSync(imagesDir).filter((f) => f.endsWith('.png')).sort();
  const results = [];
  for (const f of files) {
    const png = PNG.sync.read(fs.readFileSync(path.join(imagesDir, f)));
    const rgb = new Int32Array(png.width * png.height * 3);
    for (let i = 0, j = 0; i < png.data.length; i += 4) {
      rgb[j++] = png.data[i];
      rgb[j++] = png.data[i + 1];
      rgb[j++] = png.data[i + 2];
    }
    const img = tf.tensor3d(rgb, [png.height, png.width, 3], 'int32');
    const classes = await model.classify(img, 5); // nsfwjs's own preprocessing and prediction
    img.dispose();
    const probabilities = {};
    for (const c of classes) probabilities[c.className] = c.probability;
    results.push({ file: f, width: png.width, height: png.height, probabilities });
    console.error(`${f}: ${JSON.stringify(probabilities)}`);
  }
  const nsfwjsVersion = req('nsfwjs/package.json').version;
  const tfVersion = req('@tensorflow/tfjs/package.json').version;
  fs.writeFileSync(outJson, JSON.stringify({
    generatedBy: `packaging/model/make-parity-reference.js (nsfwjs ${nsfwjsVersion}, @tensorflow/tfjs ${tfVersion}, backend ${tf.getBackend()})`,
    model: path.basename(path.resolve(modelDir)),
    size,
    classes: ['Drawing', 'Hentai', 'Neutral', 'Porn', 'Sexy'],
    images: results,
  }, null, 1) + '\n');
}

main().catch((e) => { console.error(e); process.exit(1); });
