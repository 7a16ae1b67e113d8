// Appended to gradtape.js (--post-js). The bindings return a core Error as a JS Error object
// rather than throwing across wasm frames (which would skip C++ destructors); here every
// Session method throws it, so callers get ordinary exceptions. Optional arguments are filled in.
// Embind registers Session while the runtime initialises, so the wrapping waits for that.
//
// loadCsvAsync, configureAsync and errorRowsAsync run in slices (core/pacer.h, wasm/yield.js):
// the wasm call pauses between them (Asyncify), and they give a Promise. While one is under way:
// - its session refuses every other call (it would meet half-built state), and no second sliced
//   call may start on any session (Asyncify keeps one paused call); a refused call throws, or
//   rejects, saying why;
// - any other call runs as usual. Emscripten 3.1.6's embind takes a call that returns while
//   Asyncify.currData is set (as it is during a pause) for one that paused, and would hand it the
//   paused call's promise; so every call runs with currData put aside (tests/node/sliced.test.mjs).
addOnInit(function () {
  var proto = Module['Session'].prototype;
  var busy = new WeakMap(); // session -> the name of its sliced call under way
  var slicedUnderWay = null; // that name, whichever session it is on
  function refusal(session, name, sliced) {
    var current = (session && busy.get(session)) || (sliced ? slicedUnderWay : null);
    if (!current) return null;
    var error = new Error('the engine is busy with ' + current + ' (' + name + ' must wait for it to finish)');
    error.field = null;
    return error;
  }
  function beside(call) { // runs call() beside a paused sliced call (see above)
    var paused = Asyncify.currData;
    if (!paused) return call();
    Asyncify.currData = null;
    try {
      return call();
    } finally {
      Asyncify.currData = paused;
    }
  }
  function throwing(method, name) {
    return function () {
      var refused = refusal(this, name, false);
      if (refused) throw refused;
      var self = this, args = arguments;
      var result = beside(function () { return method.apply(self, args); });
      if (result instanceof Error) throw result;
      return result;
    };
  }
  Module['Session'] = new Proxy(Module['Session'], {
    construct: function (Session, args) { return beside(function () { return Reflect.construct(Session, args); }); },
  });
  ['version', 'settingsSchema', 'epochFields', 'checkSettings', 'limits', 'csvSettingsSchema'].forEach(function (name) {
    var call = Module[name];
    Module[name] = function () {
      var args = arguments;
      return beside(function () { return call.apply(null, args); });
    };
  });
  function sliced(method, name) {
    return function () {
      var session = this;
      var refused = refusal(session, name, true);
      if (refused) return Promise.reject(refused);
      busy.set(session, name);
      slicedUnderWay = name;
      var done = function () {
        busy.delete(session);
        slicedUnderWay = null;
      };
      var result;
      try {
        result = method.apply(session, arguments);
      } catch (error) {
        done();
        return Promise.reject(error);
      }
      return Promise.resolve(result).then(function (value) {
        done();
        if (value instanceof Error) throw value;
        return value;
      }, function (error) {
        done();
        throw error;
      });
    };
  }
  ['configure', 'progress', 'history', 'evaluation', 'settings', 'predict', 'modelInfo', 'loadModel',
    'modelFile', 'tfjsExport', 'predictCsv', 'useBestEpoch', 'thresholdScores', 'stepImportance', 'importance',
    'errorRowsCsv'].forEach(function (name) {
    proto[name] = throwing(proto[name], name);
  });
  var loadCsv = throwing(proto['loadCsvWithOptions'], 'loadCsv');
  proto['loadCsv'] = function (text, options) { return loadCsv.call(this, text, options); };
  var loadCsvInSlices = sliced(proto['loadCsvInSlices'], 'loadCsvAsync');
  proto['loadCsvAsync'] = function (text, options) { return loadCsvInSlices.call(this, text, options); };
  proto['configureAsync'] = sliced(proto['configureInSlices'], 'configureAsync');
  var errorRowsInSlices = sliced(proto['errorRowsInSlices'], 'errorRowsAsync');
  proto['errorRowsAsync'] = function (options) { return errorRowsInSlices.call(this, options); };
  var modelFromRun = throwing(proto['modelFromRun'], 'modelFromRun');
  proto['modelFromRun'] = function (origin) { return modelFromRun.call(this, origin); };
  ['startImportance', 'errorRows'].forEach(function (name) {
    var call = throwing(proto[name], name);
    proto[name] = function (options) { return call.call(this, options); };
  });
  ['reset', 'delete'].forEach(function (name) {
    proto[name] = throwing(proto[name], name);
  });
  var step = throwing(proto['stepWithLimits'], 'step');
  proto['step'] = function (limits) { return step.call(this, limits); };
});
