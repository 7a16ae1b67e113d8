// @ts-check
// Warms the engine up while the page is idle. A fresh wasm instance compiles each function on
// its first call, so the first run's first frames would be long tasks; a throwaway session
// trains two short epochs of the built-in sample first, a few milliseconds per idle callback.
// Returns a function that cancels what is left (a run is starting).
(/** @param {GradtapeUI} ui */ function (ui) {
  'use strict';

  function warmUpEngine(module, csvText) {
    let cancelled = false;
    let session = null;
    const idle = (fn) => ui.whenIdle(fn, 300);
    const cancel = () => {
      cancelled = true;
      if (session) session.delete();
      session = null;
    };
    const slice = (deadline) => {
      if (cancelled) return;
      try {
        if (!session) {
          session = new module.Session();
          session.loadCsv(csvText);
          session.configure({ epochs: 2 });
        } else {
          const budget = deadline && deadline.timeRemaining ? Math.min(8, deadline.timeRemaining()) : 4;
          if (session.step({ budgetMs: Math.max(1, budget) }).done) {
            cancel();
            return;
          }
        }
      } catch {
        cancel(); // warming up is only an optimisation
        return;
      }
      idle(slice);
    };
    idle(slice);
    return cancel;
  }

  ui.warmUpEngine = warmUpEngine;
})(window.gradtapeUI = window.gradtapeUI || {});
