// Prepended to gradtape.js (--pre-js). With SINGLE_FILE, Emscripten 3.1.6 first fetch()es its
// own inlined data: URL, which a page with `connect-src 'none'` refuses (a console error, then a
// fallback). This hook decodes the inlined wasm directly, so loading makes no request at all.
// wasmBinaryFile and tryParseAsDataURI are defined later in this same scope; the hook runs after.
Module['instantiateWasm'] = function (imports, receiveInstance) {
  WebAssembly.instantiate(tryParseAsDataURI(wasmBinaryFile), imports).then(
    function (output) { receiveInstance(output['instance'], output['module']); },
    function (reason) { abort('cannot compile gradtape.wasm: ' + reason); });
  return {};
};
