// Installed in the page before its own scripts (openPage's initScript), it records into
// window.__bench what the benchmark reads afterwards: the file chosen (dropped, or picked in the
// "CSV file" input) and the Train click, each status
// text with its time, frame gaps over 50 ms (a requestAnimationFrame loop), long animation frames,
// and, by wrapping the module factory, the engine's module (its heap) and the time of each engine
// call of each session (its steps' in total, as the page's clock is coarse). Runs in the page:
// it must use nothing from this file's scope.
export function pageProbe() {
  const probe = { drops: [], trainClicks: [], statuses: [], frameGaps: [], animationFrames: [], calls: [], epochs: [], stepMs: {}, module: null };
  window.__bench = probe;

  let lastFrame = null;
  const onFrame = (now) => {
    if (lastFrame !== null && now - lastFrame > 50) probe.frameGaps.push({ start: lastFrame, duration: now - lastFrame });
    lastFrame = now;
    requestAnimationFrame(onFrame);
  };
  requestAnimationFrame(onFrame);

  try {
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) {
        probe.animationFrames.push({ start: entry.startTime, duration: entry.duration, blocking: entry.blockingDuration });
      }
    }).observe({ type: 'long-animation-frame', buffered: true });
  } catch (error) {
    probe.animationFrameError = String(error);
  }

  document.addEventListener('drop', () => probe.drops.push(performance.now()), true);
  document.addEventListener('change', (event) => {
    if (event.target instanceof Element && event.target.id === 'csv-file') probe.drops.push(performance.now());
  }, true);
  document.addEventListener('click', (event) => {
    if (event.target instanceof Element && event.target.closest('#train-button')) probe.trainClicks.push(performance.now());
  }, true);
  document.addEventListener('DOMContentLoaded', () => {
    const status = document.getElementById('status');
    new MutationObserver(() => probe.statuses.push({ t: performance.now(), text: status.textContent.trim() }))
      .observe(status, { childList: true, characterData: true, subtree: true });
  });

  // Each session gets a number at its first call; the page's own is the one that reads the drop.
  const sessionIds = new WeakMap();
  let sessions = 0;
  const sessionId = (session) => {
    if (!sessionIds.has(session)) sessionIds.set(session, (sessions += 1));
    return sessionIds.get(session);
  };
  const instrument = (module) => {
    probe.module = module;
    const proto = module.Session.prototype;
    // The sliced calls: their time from the call to the promise's answer, pauses included.
    for (const name of ['loadCsvAsync', 'configureAsync']) {
      const original = proto[name];
      proto[name] = async function timed(...args) {
        const start = performance.now();
        try {
          return await original.apply(this, args);
        } finally {
          probe.calls.push({ name, session: sessionId(this), start, ms: performance.now() - start });
        }
      };
    }
    for (const name of ['loadCsv', 'configure', 'step']) {
      const original = proto[name];
      proto[name] = function timed(...args) {
        const start = performance.now();
        const result = original.apply(this, args);
        const ms = performance.now() - start;
        const session = sessionId(this);
        if (name !== 'step') probe.calls.push({ name, session, start, ms });
        else {
          probe.stepMs[session] = (probe.stepMs[session] ?? 0) + ms;
          if (result.log) probe.epochs.push({ session, end: start + ms, epoch: result.log.epoch, ms: result.log.ms });
        }
        return result;
      };
    }
  };
  // gradtape.js declares `var createGradtape`: its assignment lands in this setter.
  let factory;
  Object.defineProperty(window, 'createGradtape', {
    configurable: true,
    get: () => factory,
    set: (original) => {
      factory = (...args) => original(...args).then((module) => {
        instrument(module);
        return module;
      });
    },
  });
}
