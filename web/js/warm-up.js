// @ts-check
// Warms the engine up while the page is idle. A fresh wasm instance compiles each function on
// its first call (V8 compiles WebAssembly lazily, on the page's own thread), so the first run's
// first frames would be long tasks; a throwaway session trains two short epochs of the built-in
// sample first. It loads and configures in slices (loadCsvAsync, configureAsync), as a person's
// file is, so the compiling is cut into slices too, and it steps a few milliseconds per idle
// callback. Returns a function that stops it and resolves once the engine is free: a sliced call
// of the warm-up's own may be under way, and the engine runs one at a time (wasm/errors.js).
(/** @param {GradtapeUI} ui */ function (ui) {
  'use strict';

  function warmUpEngine(module, csvText) {
    let cancelled = false;
    let session = null;
    let pending = Promise.resolve(); // the sliced call under way, if any
    const idle = (fn) => ui.whenIdle(fn, 300);
    const release = () => {
      if (session) session.delete();
      session = null;
    };
    const finish = () => {
      cancelled = true;
      release();
    };
    /** @param {() => Promise<unknown>} call */
    const sliced = (call) => {
      pending = call().then(() => idle(next), finish); // a failure only ends the warm-up
    };
    const next = (deadline) => {
      if (cancelled) {
        release();
        return;
      }
      try {
        if (!session) {
          session = new module.Session();
          sliced(() => session.loadCsvAsync(csvText));
        } else if (!session.progress()) {
          sliced(() => session.configureAsync({ epochs: 2 }));
        } else {
          const budget = deadline && deadline.timeRemaining ? Math.min(8, deadline.timeRemaining()) : 4;
          if (session.step({ budgetMs: Math.max(1, budget) }).done) {
            finish();
            return;
          }
          idle(next);
        }
      } catch {
        finish(); // warming up is only an optimisation
      }
    };
    idle(next);
    return () => {
      cancelled = true;
      return pending.then(release);
    };
  }

  ui.warmUpEngine = warmUpEngine;
})(window.gradtapeUI = window.gradtapeUI || {});
