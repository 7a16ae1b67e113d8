// @ts-check
// Runs work inside requestAnimationFrame callbacks, one slice per frame, within a time budget
// the work is asked to keep. A token cancels a stale loop (as in TensorFlow Playground): each
// start() or stop() bumps it, and a frame scheduled under an older token does nothing.
(/** @param {GradtapeUI} ui */ function (ui) {
  'use strict';

  // work({ budgetMs, frameStart }) runs one slice and returns true to be called again next frame.
  function createScheduler({ work, budgetMs = 10,
    requestFrame = (cb) => window.requestAnimationFrame(cb),
    cancelFrame = (id) => window.cancelAnimationFrame(id) }) {
    let token = 0;
    let handle = 0;
    let running = false;

    function frame(myToken) {
      if (myToken !== token) return; // a stale loop: stop() or start() happened since
      const again = work({ budgetMs, frameStart: performance.now() });
      if (myToken !== token) return; // work() stopped or restarted the scheduler itself
      if (again) handle = requestFrame(() => frame(myToken));
      else running = false;
    }

    return {
      start() {
        token += 1;
        cancelFrame(handle);
        running = true;
        const myToken = token;
        handle = requestFrame(() => frame(myToken));
      },
      stop() {
        token += 1;
        cancelFrame(handle);
        running = false;
      },
      get running() { return running; },
      get budgetMs() { return budgetMs; },
    };
  }

  // Runs fn when the page is idle (within `timeout` ms at the latest), given the idle deadline.
  /** @param {(deadline?: IdleDeadline) => void} fn @param {number} timeout */
  function whenIdle(fn, timeout) {
    if (window.requestIdleCallback) window.requestIdleCallback(fn, { timeout });
    else setTimeout(fn, 16);
  }

  ui.createScheduler = createScheduler;
  ui.whenIdle = whenIdle;
})(window.gradtapeUI = window.gradtapeUI || {});
