/**
 * ts-jest for the web app's pure modules, compiled as CommonJS although the web app is an ES
 * module package. ts-jest keeps its compiled settings in a cache keyed by jest's project
 * config alone (not by the transformer's own options), so a second ts-jest with another
 * tsconfig would get whichever loaded first. This one hands ts-jest a marked copy of the
 * project config, so its settings are cached apart.
 */
const path = require('node:path');
const tsJest = require('ts-jest').default;

const transformer = tsJest.createTransformer({ tsconfig: path.join(__dirname, '../../tsconfig.jest-web.json') });
const marked = new WeakMap();
function mark(options) {
  let config = marked.get(options.config);
  if (!config) {
    config = { ...options.config, id: `${options.config.id}:web` };
    marked.set(options.config, config);
  }
  return { ...options, config };
}

module.exports = {
  canInstrument: transformer.canInstrument,
  getCacheKey: (source, file, options) => transformer.getCacheKey(source, file, mark(options)),
  getCacheKeyAsync: (source, file, options) => transformer.getCacheKeyAsync(source, file, mark(options)),
  process: (source, file, options) => transformer.process(source, file, mark(options)),
  processAsync: (source, file, options) => transformer.processAsync(source, file, mark(options)),
};
