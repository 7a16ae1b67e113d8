// @ts-check
// All of the page's mutable state, as plain data, and the small named functions that change it.
// app.js and training-loop.js call them; views are handed the parts they draw. No DOM, no
// engine calls: node tests these functions as they are (tests/node/page-state.test.mjs).
(/** @param {GradtapeUI} ui */ function (ui) {
  'use strict';

  /** @returns {AppState} */
  // How many earlier runs the page keeps for comparing their curves.
  const KEPT_RUNS = 8;

  function createAppState() {
    return {
      engine: { status: 'loading', version: '', error: null },
      data: null,       // { name, bytes, summary }: kept when a later file fails to load
      loading: null,    // the name of the file being read, while it is
      starting: false,  // Train was pressed and the run begins in a later frame
      run: null,        // the current or last run (newRun), null before the first
      runsStarted: 0,   // numbers the runs of this page: Run 1, Run 2, …
      pastRuns: [],     // earlier runs that completed an epoch, newest first (KEPT_RUNS at most)
      model: null,      // the model that predicts: the last ended run's, or a loaded file's
      frame: { lastDrawAt: 0, lastStatsAt: 0, lastAnnouncedAt: 0 },
    };
  }

  /** @param {AppState} state @param {string} version */
  function engineReady(state, version) {
    state.engine.status = 'ready';
    state.engine.version = version;
  }

  /** @param {AppState} state @param {string} message */
  function engineFailed(state, message) {
    state.engine.status = 'failed';
    state.engine.error = message;
  }

  /** @param {AppState} state @param {string} name */
  function loadStarted(state, name) {
    state.loading = name;
  }

  /** @param {AppState} state */
  function loadFailed(state) {
    state.loading = null;
  }

  // A new file replaces the data, and ends the last run (the engine discarded it).
  /** @param {AppState} state @param {LoadedData} data */
  function dataLoaded(state, data) {
    state.loading = null;
    state.data = data;
    state.run = null;
  }

  /** @param {AppState} state */
  function runStarting(state) {
    state.starting = true;
  }

  /** @param {AppState} state */
  function runNotStarted(state) {
    state.starting = false;
  }

  // status: 'running' | 'paused' | 'done' | 'stopped' | 'failed'. `undrawn` holds the epoch logs
  // computed but not drawn yet; `evaluation` is the last completed epoch's.
  /** @param {AppState} state @param {{ settings: Settings, plan: Plan, dataName: string, now: number }} run */
  function runStarted(state, { settings, plan, dataName, now }) {
    state.starting = false;
    keepRun(state);
    state.runsStarted += 1;
    state.run = {
      number: state.runsStarted, status: 'running', settings, plan, dataName,
      logs: [], undrawn: [], drawQueue: [], progress: null, evaluation: null,
      activeMs: 0, resumedAt: now, finishedAt: null, error: null,
    };
    state.frame.lastDrawAt = 0;
    state.frame.lastStatsAt = 0;
    state.frame.lastAnnouncedAt = now;
    return state.run;
  }

  // What one frame's steps returned: the progress, and any epochs that ended with their logs.
  /** @param {Run} run @param {Progress} progress @param {EpochLog[]} logs @param {Evaluation | null} evaluation */
  function stepped(run, progress, logs, evaluation) {
    run.progress = progress;
    run.logs.push(...logs);
    run.undrawn.push(...logs);
    if (evaluation) run.evaluation = evaluation;
  }

  // The epoch logs owed to the views, handed over once.
  /** @param {Run} run @returns {EpochLog[]} */
  function takeUndrawn(run) {
    return run.undrawn.splice(0);
  }

  // Drawing is queued as named pieces (training-loop.js draws one per frame), with the epoch logs
  // each piece draws.
  /** @param {Run} run @param {string[]} pieces @param {EpochLog[]} [logs] */
  function queueDrawing(run, pieces, logs = []) {
    for (const piece of pieces) run.drawQueue.push({ piece, logs });
  }

  /** @param {Run} run @returns {DrawPiece | undefined} */
  function nextDrawing(run) {
    return run.drawQueue.shift();
  }

  // The current run joins the earlier ones (if it completed an epoch) before a new run or a reset.
  /** @param {AppState} state */
  function keepRun(state) {
    const last = state.run;
    if (!last || !last.logs.length) return;
    state.pastRuns.unshift({ run: last, shown: true });
    state.pastRuns.length = Math.min(state.pastRuns.length, KEPT_RUNS);
  }

  /** @param {AppState} state */
  function runReset(state) {
    keepRun(state);
    state.run = null;
  }

  // Shows or hides an earlier run's lines in the charts.
  /** @param {AppState} state @param {number} number @param {boolean} shown */
  function showPastRun(state, number, shown) {
    const past = state.pastRuns.find((p) => p.run.number === number);
    if (past) past.shown = shown;
  }

  // Forgets an earlier run (number), or all of them (no number).
  /** @param {AppState} state @param {number} [number] */
  function clearPastRuns(state, number) {
    state.pastRuns = number === undefined ? [] : state.pastRuns.filter((p) => p.run.number !== number);
  }

  // What sets an earlier run apart from `current`: "Learning rate 0.01", "Batch size 64", or its
  // file; "same settings" when nothing does (labels: the settings table's).
  /** @param {Run} past @param {Run} current @param {SettingSpec[]} table @returns {string} */
  function runDifferences(past, current, table) {
    const same = (a, b) => JSON.stringify(a) === JSON.stringify(b);
    const parts = table.filter((row) => !same(past.settings[row.key], current.settings[row.key]))
      .map((row) => `${row.label} ${Array.isArray(past.settings[row.key]) ? past.settings[row.key].join(',') || 'none' : past.settings[row.key]}`);
    if (past.dataName !== current.dataName) parts.unshift(past.dataName);
    return parts.length ? parts.join(', ') : 'same settings';
  }

  /** @param {AppState} state */
  function runActive(state) {
    return Boolean(state.run) && (state.run.status === 'running' || state.run.status === 'paused');
  }

  // Milliseconds the run has been running, pauses excluded.
  /** @param {Run} run @param {number} now */
  function activeMs(run, now) {
    return run.activeMs + (run.status === 'running' && run.resumedAt !== null ? now - run.resumedAt : 0);
  }

  // Pauses or resumes the run's clock along with its status.
  /** @param {Run} run @param {RunStatus} status @param {number} now @param {string | null} [error] */
  function setRunStatus(run, status, now, error = null) {
    if (run.status === 'running' && status !== 'running') {
      run.activeMs = activeMs(run, now);
      run.resumedAt = null;
    } else if (run.status !== 'running' && status === 'running') {
      run.resumedAt = now;
    }
    run.status = status;
    if (status === 'done' || status === 'stopped' || status === 'failed') run.finishedAt = now;
    if (error !== null) run.error = error;
  }

  // True when some column of the table can be the target of some task.
  /** @param {TableSummary} summary */
  function hasTarget(summary) {
    return summary.targetCandidates.some((c) => Object.values(c.refused).some((why) => why === null));
  }

  // Which controls can be used in this state.
  /** @param {AppState} state */
  function controls(state) {
    const run = state.run;
    const active = runActive(state);
    const ready = state.engine.status === 'ready';
    const trainable = Boolean(state.data) && hasTarget(state.data.summary);
    return {
      train: ready && trainable && !active && !state.loading && !state.starting,
      pause: active,
      pauseLabel: run && run.status === 'paused' ? 'Resume' : 'Pause',
      stop: active,
      reset: Boolean(run) && state.loading === null,
      downloadHistory: Boolean(run && run.logs.length),
      downloadSettings: Boolean(run),
      settingsLocked: active,
      loader: state.loading ? 'busy' : active ? 'locked' : state.engine.status === 'failed' ? 'failed' : ready ? 'idle' : 'engine',
    };
  }

  // The progress bar's figures: the share done, the epoch and batch, the speed and the time left.
  /** @param {Run} run @param {number} now */
  function progressFigures(run, now) {
    const progress = run.progress;
    const epochs = run.settings.epochs;
    const batches = progress ? progress.batchesPerEpoch : run.plan.batchesPerEpoch;
    // An epoch with no batch done yet is shown as the end of the one before it (no "Batch 0/N").
    const between = Boolean(progress && !progress.done && !progress.epochEnded && progress.batch === 0 && progress.epoch > 1);
    const epoch = progress ? progress.epoch - (between ? 1 : 0) : 1;
    const batch = progress ? progress.batch : 0;
    const finished = Boolean(progress && (progress.done || progress.epochEnded)) || between;
    const over = run.status === 'done' || run.status === 'stopped' || run.status === 'failed';
    const total = epochs * Math.max(1, batches);
    const doneBatches = finished ? epoch * batches : (epoch - 1) * batches + Math.min(batch, batches);
    const fraction = progress && progress.done ? 1 : doneBatches / total;
    const elapsedMs = activeMs(run, now);
    const samples = progress ? progress.samplesSeen : 0;
    // A finished epoch shows all its batches, and one not begun none (null), never "0/N"; a run
    // that is over has no time left.
    return {
      fraction, epoch, epochs, batch: finished ? batches : batch > 0 ? batch : null, batches,
      validating: Boolean(progress && progress.phase === 'validate' && !progress.epochEnded) && !over,
      samplesPerSecond: elapsedMs > 0 ? samples / (elapsedMs / 1000) : NaN,
      etaMs: over ? null : fraction > 0 && fraction < 1 ? (elapsedMs * (1 - fraction)) / fraction : fraction >= 1 ? 0 : null,
      elapsedMs,
    };
  }

  // The task's validation figure of an epoch, in words: "val accuracy 0.8750", "val MAE 44.21".
  /** @param {Run} run @param {EpochLog} log */
  function metricText(run, log) {
    const { label, val, kind } = run.plan.metric;
    const value = log[val];
    const shown = Number.isFinite(value) ? (kind === 'fraction' ? value.toFixed(4) : String(Number(value.toPrecision(4)))) : '–';
    return `val ${kind === 'fraction' ? label.toLowerCase() : label} ${shown}`;
  }

  // What to do next, for the end of a status line: "Press Train to start." only when Train can
  // be pressed, else what stands in the way.
  /** @param {AppState} state @param {string} [again] */
  function nextStep(state, again = '') {
    if (state.engine.status !== 'ready') return state.engine.status === 'failed' ? 'The training engine is unavailable.' : 'The training engine is starting…';
    if (!state.data) return 'Load a CSV file to begin.';
    if (!hasTarget(state.data.summary)) return 'No column can be the target: load another file.';
    if (runActive(state)) return 'A run is going.';
    if (state.loading || state.starting) return '';
    return `Press Train to start${again}.`;
  }

  // The rows a run with this target and these features would lose: those without a target
  // value, and under "drop rows" those missing a feature. Counted from the table's missing
  // patterns; null when the table had too many patterns to list.
  /** @param {TableSummary} summary @param {string} target @param {string[]} excluded @param {string} missing */
  function rowsLost(summary, target, excluded, missing) {
    if (!summary.missingPatternsComplete) return null;
    const names = summary.columns.map((column) => column.name);
    const targetIndex = names.indexOf(target);
    const left = new Set(excluded);
    let withoutTarget = 0;
    let withMissing = 0;
    for (const pattern of summary.missingPatterns || []) {
      if (pattern.columns.includes(targetIndex)) withoutTarget += pattern.rows;
      else if (pattern.columns.some((c) => c !== targetIndex && !left.has(names[c]))) withMissing += pattern.rows;
    }
    const dropped = withoutTarget + (missing === 'drop' ? withMissing : 0);
    return { rows: summary.rows, withoutTarget, withMissing, dropped, share: summary.rows ? dropped / summary.rows : 0 };
  }

  // The live status is announced when the run's state changes, and for epochs at most this often.
  const ANNOUNCE_EVERY_MS = 1500;
  /** @param {AppState} state @param {number} now */
  function shouldAnnounceEpoch(state, now) {
    if (now - state.frame.lastAnnouncedAt < ANNOUNCE_EVERY_MS) return false;
    state.frame.lastAnnouncedAt = now;
    return true;
  }

  ui.state = {
    KEPT_RUNS, metricText, nextStep, rowsLost, shouldAnnounceEpoch,
    createAppState, hasTarget, engineReady, engineFailed, loadStarted, loadFailed, dataLoaded, runStarting, runNotStarted,
    runStarted, showPastRun, clearPastRuns, runDifferences, stepped, takeUndrawn, queueDrawing, nextDrawing, runReset, runActive, activeMs, setRunStatus, controls, progressFigures,
  };
})(window.gradtapeUI = window.gradtapeUI || {});
