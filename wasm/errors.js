// Appended to gradtape.js (--post-js). The bindings return a core Error as a JS Error object
// rather than throwing across wasm frames (which would skip C++ destructors); here every
// Session method throws it, so callers get ordinary exceptions. Optional arguments are filled in.
// Embind registers Session while the runtime initialises, so the wrapping waits for that.
addOnInit(function () {
  var proto = Module['Session'].prototype;
  function throwing(method) {
    return function () {
      var result = method.apply(this, arguments);
      if (result instanceof Error) throw result;
      return result;
    };
  }
  ['configure', 'progress', 'history', 'evaluation', 'settings', 'predict', 'modelInfo', 'loadModel',
    'modelFile', 'tfjsExport', 'predictCsv', 'useBestEpoch', 'thresholdScores', 'stepImportance', 'importance',
    'errorRowsCsv'].forEach(function (name) {
    proto[name] = throwing(proto[name]);
  });
  var loadCsv = throwing(proto['loadCsvWithOptions']);
  proto['loadCsv'] = function (text, options) { return loadCsv.call(this, text, options); };
  var modelFromRun = throwing(proto['modelFromRun']);
  proto['modelFromRun'] = function (origin) { return modelFromRun.call(this, origin); };
  ['startImportance', 'errorRows'].forEach(function (name) {
    var call = throwing(proto[name]);
    proto[name] = function (options) { return call.call(this, options); };
  });
  var step = throwing(proto['stepWithLimits']);
  proto['step'] = function (limits) { return step.call(this, limits); };
});
