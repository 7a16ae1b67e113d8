// The one app state object, and the few rules about it. app.js owns the only instance and is
// the only writer; views are handed the parts they draw.
(function (ui) {
  'use strict';

  // engine: the wasm module and its Session. data: the loaded file and its summary (kept when
  // a later file fails to load). run: the current or last run, null before the first.
  function createAppState() {
    return {
      engine: { status: 'loading', module: null, session: null, version: '', error: null },
      data: null,       // { name, bytes, summary }
      loading: null,    // the name of the file being read, while it is
      starting: false,  // Train was pressed and the run begins in a later frame
      run: null,        // see newRun()
    };
  }

  // status: 'running' | 'paused' | 'done' | 'stopped' | 'failed'.
  function newRun({ settings, plan, dataName, now }) {
    return {
      status: 'running', settings, plan, dataName,
      logs: [], progress: null, confusion: null,
      activeMs: 0, resumedAt: now, finishedAt: null, error: null,
    };
  }

  function runActive(state) {
    return Boolean(state.run) && (state.run.status === 'running' || state.run.status === 'paused');
  }

  // Milliseconds the run has been running, pauses excluded.
  function activeMs(run, now) {
    return run.activeMs + (run.status === 'running' && run.resumedAt !== null ? now - run.resumedAt : 0);
  }

  // Pauses or resumes the run's clock along with its status.
  function setRunStatus(run, status, now) {
    if (run.status === 'running' && status !== 'running') {
      run.activeMs = activeMs(run, now);
      run.resumedAt = null;
    } else if (run.status !== 'running' && status === 'running') {
      run.resumedAt = now;
    }
    run.status = status;
    if (status === 'done' || status === 'stopped' || status === 'failed') run.finishedAt = now;
  }

  ui.state = { createAppState, newRun, runActive, activeMs, setRunStatus };
})(window.gradtapeUI = window.gradtapeUI || {});
