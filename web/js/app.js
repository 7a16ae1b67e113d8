// @ts-check
// The page's controller: starts the engine and turns what a person does (load a file, press
// Train, Pause, Stop, Reset, download) into session calls, state changes (state.js) and view
// updates. The run itself goes frame by frame in training-loop.js.
(/** @param {GradtapeUI} ui */ function (ui) {
  'use strict';
  const { byId } = ui.dom;
  const fmt = ui.format;
  const S = ui.state;

  const state = S.createAppState();
  /** The wasm module and its Session, once started (handles, not state). */
  const engine = { module: null, session: null };
  const nextFrame = () => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
  const messageOf = (error) => (error && error.message) || String(error);

  const buttons = {
    train: byId('train-button'), pause: byId('pause-button'), stop: byId('stop-button'), reset: byId('reset-button'),
    history: byId('download-history'), settings: byId('download-settings'), best: byId('use-best-epoch'),
  };
  const views = {
    lossChart: ui.charts.createChartOrPlaceholder(byId('loss-chart'), { yTitle: 'Loss', empty: byId('loss-empty'), epochs: ui.settings.defaults().epochs }),
    metricChart: ui.charts.createChartOrPlaceholder(byId('accuracy-chart'), { yTitle: 'Accuracy', percent: true, empty: byId('accuracy-empty'), epochs: ui.settings.defaults().epochs }),
    captions: ui.charts.createChartCaptions(),
    run: ui.createRunView(),
    history: ui.createHistoryView(),
    results: ui.createResultsView(),
    importance: ui.createImportanceView({
      session: () => engine.session,
      onError: (error) => views.alert.show('Could not compute what the model relies on.', messageOf(error)),
    }),
    errors: ui.createErrorsView({ onDownload: downloadErrors }),
    trust: ui.createTrustView({
      thresholdScores: (t) => engine.session.thresholdScores(t),
      onThreshold: (scores) => views.results.showThreshold(scores),
    }),
    dataset: ui.createDatasetView(),
    alert: ui.createAlertView({
      onDismiss: () => {
        const next = [buttons.train, byId('sample-button')].find((button) => !button.disabled);
        if (next) next.focus();
      },
    }),
  };
  const pastRuns = ui.createPastRuns({ state, charts: [views.lossChart, views.metricChart] });
  const form = ui.createFormView({ onTargetChange: (target) => views.dataset.showTarget(target) });
  const model = ui.createModelController({ state, session: () => engine.session, alert: views.alert });
  // The settings the page's address names, kept for the file they were made with: the target and
  // the columns left out apply once a file with those columns loads.
  const linked = ui.settingsLink.fromHash(ui.settings.table, location.hash);
  const notes = ui.createNotesView({ onImpute: imputeInstead });
  const readOptions = ui.createReadOptionsView({ onChange: readAgain });
  /** The last file loaded, kept to read it again with other reading options (a handle, not state). */
  let lastFile = null;
  const loader = ui.createLoader({
    onText: loadText,
    onModel: loadJson,
    onReject: (message, kind) => views.alert.show('Not loaded.', message, kind),
    isLocked: () => S.runActive(state) || state.starting,
    mode: () => S.controls(state).loader,
    loadingName: () => state.loading || '',
  });
  const loop = ui.createTrainingLoop({
    state, views, session: () => engine.session,
    onEnd: (status, error) => (status === 'failed' ? fail(error) : finish(status)),
    onEpochsDrawn: () => { buttons.history.disabled = false; },
  });
  // Stop the idle-time warm-ups: a run starting stops both. Reading a file stops the engine's,
  // whose promise settles once the engine is free of it (their sliced calls cannot run at once).
  let stopChartsWarmUp = () => {};
  /** @type {() => Promise<unknown>} */
  let stopEngineWarmUp = () => Promise.resolve();
  const stopWarmUps = () => {
    stopChartsWarmUp();
    return stopEngineWarmUp();
  };
  let engineStarted = Promise.resolve(false);

  // ---- controls ------------------------------------------------------------------------------
  function renderControls() {
    const can = S.controls(state);
    buttons.train.disabled = !can.train;
    buttons.pause.disabled = !can.pause;
    buttons.pause.textContent = can.pauseLabel;
    buttons.stop.disabled = !can.stop;
    buttons.reset.disabled = !can.reset;
    buttons.history.disabled = !can.downloadHistory;
    buttons.settings.disabled = !can.downloadSettings;
    form.lock(can.settingsLocked);
    readOptions.lock(can.settingsLocked || Boolean(state.loading));
    if (!S.runActive(state)) views.alert.clearKind('locked'); // "a run is in progress" is over
    updateRunWarnings();
    loader.render();
    // A disabled button drops the keyboard focus: hand it to the control that makes sense now.
    const focused = document.activeElement;
    if (focused && /** @type {HTMLButtonElement} */ (focused).disabled) focusSoon(focused);
  }

  // Moves the focus in the next frame, once the page has restyled for its new state: a focus()
  // now would force that restyle inside the click's own task.
  /** @param {Element} lost */
  function focusSoon(lost) {
    requestAnimationFrame(() => {
      if (document.activeElement !== lost && document.activeElement !== document.body) return;
      const next = [buttons.pause, buttons.train, buttons.reset].find((button) => !button.disabled);
      if (next) next.focus();
    });
  }

  // ---- engine --------------------------------------------------------------------------------
  async function startEngine() {
    try {
      if (typeof window.createGradtape !== 'function') throw new Error('gradtape.js did not load');
      const module = await window.createGradtape();
      if (typeof module.Session !== 'function') {
        throw new Error('this build of gradtape.js has no Session (it is a placeholder module); rebuild the wasm target');
      }
      engine.module = module;
      engine.session = new module.Session();
      S.engineReady(state, module.version());
      if (window.gradtapeSample) stopEngineWarmUp = ui.warmUpEngine(module, window.gradtapeSample.text);
      byId('engine-version').textContent = `v${state.engine.version}`;
      if (!state.data && !state.loading) views.run.setStatus('Ready. Load a CSV file to begin: drop it, choose it, or try the built-in sample.');
    } catch (error) {
      S.engineFailed(state, messageOf(error));
      views.run.setStatus('The training engine is unavailable.');
      views.alert.show('The training engine could not start.', state.engine.error);
    }
    renderControls();
    return state.engine.status === 'ready';
  }

  // ---- loading data --------------------------------------------------------------------------
  // The form's target, features and missing-value policy, and the rows they would lose.
  function updateRunWarnings() {
    if (!state.data) {
      notes.showRunWarnings(null, 'drop', false);
      return;
    }
    const raw = form.read();
    const lost = S.rowsLost(state.data.summary, form.target(), raw.exclude || [], String(raw.missing));
    notes.showRunWarnings(lost, String(raw.missing), S.controls(state).settingsLocked);
  }

  // The one-click alternative to dropping many rows: fill them in.
  function imputeInstead() {
    form.set('missing', 'impute');
    updateRunWarnings();
    form.focus('missing');
  }

  // A reading option changed: read the last file again with it.
  function readAgain() {
    if (lastFile && !S.runActive(state) && !state.loading) loadText(lastFile);
  }

  /** @param {{ name: string, bytes: number, text: string | Uint8Array }} file */
  async function loadText(file) {
    const { name, bytes, text } = file;
    if (S.runActive(state)) return; // the loader refuses files during a run, and says so
    if (state.loading) { // one file is read at a time: say so rather than drop this one silently
      views.alert.show('Not loaded.', ui.stillReading(name, state.loading));
      return;
    }
    S.loadStarted(state, name);
    renderControls();
    views.run.setStatus(`Reading ${name}…`);
    if (!(await engineStarted)) {
      S.loadFailed(state);
      renderControls();
      views.run.setStatus('The training engine is unavailable.');
      return;
    }
    await stopEngineWarmUp();
    await nextFrame(); // let "Reading …" paint first
    let summary;
    try {
      // Read, described and checked in slices of a few milliseconds: the page draws between them.
      summary = await engine.session.loadCsvAsync(text, readOptions.read());
    } catch (error) {
      S.loadFailed(state);
      renderControls();
      const kept = state.data ? ` The data loaded before (${state.data.name}) is kept.` : '';
      views.alert.show(`Could not load ${name}.`, `${messageOf(error)}${kept}`);
      if (error && error.field) readOptions.open();
      // The engine dropped its last run with the old file only if the new one parsed.
      views.run.setStatus(state.data ? `Kept ${state.data.name}. ${S.nextStep(state)}` : S.nextStep(state));
      return;
    }
    lastFile = file;
    const data = { name, bytes, summary, sha256: summary.sha256 };
    views.alert.clear();
    // The new file's views are built a frame apart: each is a few milliseconds of script and a
    // first layout of its new text, and all at once they would be one long task. The loader
    // stays busy (state.loading) until the last is in.
    const showing = [
      () => form.setColumns(summary.columns),
      () => {
        form.setTargets(summary.targetCandidates, summary.suggestedTarget);
        applyLinked(['target', 'exclude']);
        form.showErrors({});
      },
      () => views.dataset.render(data, form.target()),
      () => notes.showData(summary),
      clearRunViews,
    ];
    for (const show of showing) {
      show();
      await nextFrame();
    }
    S.dataLoaded(state, data);
    renderControls();
    const told = summary.warnings.length ? ` ${fmt.plural(summary.warnings.length, 'warning')} about the data: see Data.` : '';
    if (!S.hasTarget(summary)) {
      const reasons = summary.targetCandidates.map((c) => `${c.name}: ${c.reason}`).slice(0, 6).join('; ');
      views.alert.show(`${name} has no column to predict.`, `Every column is constant, missing everywhere, or an ID (${reasons}).`);
      views.run.setStatus(`Loaded ${name}, but no column can be the target.${told}`);
    } else {
      views.run.setStatus(`Loaded ${name}: ${fmt.plural(summary.rows, 'row')}.${told} ${S.nextStep(state)}`);
    }
  }

  function clearRunViews() {
    const epochs = Number.parseInt(String(form.read().epochs), 10);
    const span = Number.isFinite(epochs) && epochs > 0 ? epochs : 10;
    views.lossChart.reset(span);
    views.metricChart.reset(span);
    views.history.reset();
    views.results.reset();
    resetAfterRun();
    views.run.clearProgress();
    views.run.showPlan(null);
    views.run.setSummary('');
    buttons.best.hidden = true;
    notes.showRunData(null);
  }

  // ---- training ------------------------------------------------------------------------------
  // Pressing Train checks the settings at once (in the engine, against its settings table), and
  // the run begins in a later frame: the frame that handles the click only shows "Starting…", so
  // configuring the engine and restyling the page never share a task with the click's handling.
  function train() {
    if (!S.controls(state).train) return;
    const { settings, errors } = ui.settings.check(engine.module, form.read());
    const invalid = Object.keys(errors);
    form.showErrors(errors);
    if (invalid.length) {
      const list = invalid.map((key) => `${errors[key]}.`).join(' '); // each names its setting
      views.alert.show(invalid.length === 1 ? 'Check the highlighted setting.' : 'Check the highlighted settings.', list);
      views.run.setStatus('Not started: a setting needs fixing.');
      form.focus(invalid[0]);
      return;
    }
    S.runStarting(state);
    buttons.train.disabled = true;
    views.run.setStatus('Starting…');
    setTimeout(() => requestAnimationFrame(() => startRun(settings)), 0);
  }

  /** @param {Settings} settings */
  async function startRun(settings) {
    if (!state.data || state.loading || S.runActive(state)) { // the page changed meanwhile
      S.runNotStarted(state);
      renderControls();
      return;
    }
    views.importance.reset(); // configure drops the engine's importance run: stop asking for it
    let plan;
    try {
      plan = await engine.session.configureAsync(settings); // prepared in slices, as loading is
    } catch (error) {
      S.runNotStarted(state);
      const field = error && error.field;
      if (field && form.has(field)) {
        form.showErrors({ [field]: messageOf(error) });
        views.alert.show('Check the highlighted setting.', `${form.label(field)}: ${messageOf(error)}`);
        form.focus(field);
      } else {
        views.alert.show('Could not start the run.', messageOf(error));
      }
      views.run.setStatus('Not started.');
      renderControls();
      return;
    }
    // The page shows the run in a later frame than the last slice of configuring, so the two never
    // add up to a long task.
    nextFrame().then(() => showRunStarted(settings, plan));
  }

  /** @param {Settings} settings @param {Plan} plan */
  function showRunStarted(settings, plan) {
    views.alert.clear();
    stopWarmUps();
    const run = S.runStarted(state, { settings: ui.settings.applied(settings), plan, dataName: state.data.name, now: performance.now() });
    pastRuns.show();
    notes.showRunData(plan);
    resetAfterRun();
    const focused = document.activeElement;
    buttons.best.hidden = true;
    views.run.setStatus(`Epoch 1/${run.settings.epochs} · training…`);
    renderControls();
    // The focus was on Train (now disabled) or in the settings (now locked): Pause takes it in
    // the next frame (a focus() now would restyle the page inside this task), so the keyboard
    // never lands on the page itself.
    if (focused === document.body || focused === buttons.train || form.form.contains(focused)) {
      requestAnimationFrame(() => buttons.pause.focus());
    }
    loop.begin();
  }

  /** @param {Run} run */
  function summarize(run) {
    const last = run.logs[run.logs.length - 1];
    const took = fmt.duration(S.activeMs(run, performance.now()));
    if (!last) return `No epoch completed (${took}).`;
    return `${fmt.plural(run.logs.length, 'epoch')} in ${took} · final ${S.metricText(run, last)} · val loss ${fmt.fixed(last.valLoss)}`;
  }

  /** @param {RunStatus} status */
  function finish(status) {
    const run = state.run;
    loop.stop();
    loop.flush();
    S.setRunStatus(run, status, performance.now());
    const p = run.progress;
    const early = status === 'done' && p && p.stopReason ? `: ${p.stopReason}` : '';
    views.run.setStatus(status === 'done' ? `Done${early}` : `Done: stopped after epoch ${run.logs.length}/${run.settings.epochs}`);
    views.run.setSummary(summarize(run));
    if (p) views.run.showProgress(S.progressFigures(run, performance.now()));
    renderControls();
    offerBestEpoch(run);
    model.fromRun();
    // The curves restyle and draw two canvases: in a later task than the run's last epoch.
    nextFrame().then(() => { if (state.run === run) showAfterRun(run); });
  }

  // What the weights in use say about the validation rows, each in a task of its own: the trust
  // figures and curves, then the rows they get wrong, then what they rely on (computed over the
  // frames after).
  /** @param {Run} run */
  function showAfterRun(run) {
    if (!run.evaluation) return;
    const evaluation = run.evaluation;
    const current = () => state.run === run && run.evaluation === evaluation;
    views.trust.show(evaluation, run.plan.classes);
    nextFrame().then(async () => {
      if (!current()) return;
      try {
        const errors = await engine.session.errorRowsAsync({}); // predicted in slices
        if (!current()) return;
        views.errors.show(errors);
      } catch (error) {
        views.errors.reset();
        views.alert.show('Could not list the rows the model gets wrong.', messageOf(error));
      }
      return nextFrame().then(() => { if (current()) views.importance.start(); });
    });
  }

  function resetAfterRun() {
    views.trust.reset();
    views.errors.reset();
    views.importance.reset();
  }

  // After a run whose best epoch is not its last: say how they compare, and offer the best.
  /** @param {Run} run */
  function offerBestEpoch(run) {
    const p = run.progress;
    const best = p ? run.logs.find((log) => log.epoch === p.bestEpoch) : null;
    const last = run.logs[run.logs.length - 1];
    const show = Boolean(best && last && best !== last && engine.session);
    buttons.best.hidden = !show;
    buttons.best.disabled = !show || Boolean(p && p.usingBestEpoch);
    if (!show || !best) return;
    const key = String(run.settings.monitor || 'val_loss').replace(/_(\w)/g, (_, c) => c.toUpperCase());
    const name = ui.settings.choiceLabel('monitor', run.settings.monitor);
    const using = p && p.usingBestEpoch;
    buttons.best.textContent = using ? `Using epoch ${best.epoch}, the best` : `Use the best epoch's model (epoch ${best.epoch})`;
    views.run.setSummary(`${summarize(run)} · best epoch ${best.epoch}: ${name} ${fmt.fixed(best[key])}, against ${fmt.fixed(last[key])} at epoch ${last.epoch}${using ? ' (its weights are in use)' : ''}`);
  }

  function useBestEpoch() {
    const run = state.run;
    if (!run || S.runActive(state)) return;
    try {
      engine.session.useBestEpoch();
      run.progress = engine.session.progress();
      run.evaluation = engine.session.evaluation();
      const shown = run.logs.find((log) => run.evaluation && log.epoch === run.evaluation.epoch);
      views.results.show(run.evaluation, shown || run.logs[run.logs.length - 1], run.settings.epochs);
      showAfterRun(run);
      offerBestEpoch(run);
      model.fromRun();
    } catch (error) {
      views.alert.show('Could not use the best epoch.', messageOf(error));
    }
  }

  function fail(error) {
    const run = state.run;
    loop.stop();
    loop.flush();
    S.setRunStatus(run, 'failed', performance.now(), messageOf(error));
    views.alert.show('Training stopped by an error.', run.error);
    views.run.setStatus(`Stopped by an error after epoch ${run.logs.length}/${run.settings.epochs}`);
    if (run.progress) views.run.showProgress(S.progressFigures(run, performance.now()));
    renderControls();
  }

  function togglePause() {
    const run = state.run;
    if (!run) return;
    const now = performance.now();
    const p = run.progress;
    if (run.status === 'running') {
      loop.stop();
      loop.flush();
      S.setRunStatus(run, 'paused', now);
      views.run.setStatus(`Paused at epoch ${p ? p.epoch : 1}/${run.settings.epochs}${p && !p.epochEnded ? `, batch ${p.batch}/${p.batchesPerEpoch}` : ''}`);
      if (p) views.run.showProgress(S.progressFigures(run, now));
    } else if (run.status === 'paused') {
      S.setRunStatus(run, 'running', now);
      views.run.setStatus(`Epoch ${p ? Math.min(p.epoch + (p.epochEnded ? 1 : 0), run.settings.epochs) : 1}/${run.settings.epochs} · resumed`);
      loop.resume();
    }
    renderControls();
  }

  function stop() {
    if (S.runActive(state)) finish('stopped');
  }

  function reset() {
    if (!state.run) return;
    loop.discard();
    try {
      engine.session.reset();
    } catch (error) {
      views.alert.show('Could not reset the run.', messageOf(error));
    }
    S.runReset(state);
    clearRunViews();
    pastRuns.show();
    renderControls();
    views.run.setStatus(state.data ? `Reset. ${state.data.name} is still loaded. ${S.nextStep(state, ' again')}` : `Reset. ${S.nextStep(state)}`);
  }

  // ---- settings in the address, and settings or model files ----------------------------------
  // The form's settings into the address (replacing the entry: no history step per keystroke).
  function linkSettings() {
    const hash = ui.settingsLink.toHash(ui.settings.table, form.read());
    if (hash === location.hash || (!hash && !location.hash)) return;
    history.replaceState(null, '', `${location.pathname}${location.search}${hash}`);
  }

  // Applies the linked settings: `only` the data-bound keys once a file loads, else the others.
  /** @param {string[] | null} only */
  function applyLinked(only) {
    const values = Object.fromEntries(Object.entries(linked.values)
      .filter(([key]) => (only ? only.includes(key) : !['target', 'exclude'].includes(key))));
    if (!Object.keys(values).length) return;
    form.write(values);
    linkSettings();
  }

  /** @param {string} name @param {string} text */
  function loadJson(name, text) {
    let doc = null;
    try { doc = JSON.parse(text); } catch { /* reported by the reader below */ }
    if (doc && doc.format === 'gradtape-model/1') {
      model.loadModelText(name, text);
      return;
    }
    loadSettingsText(name, text);
  }

  /** @param {string} name @param {string} text */
  function loadSettingsText(name, text) {
    if (S.runActive(state)) {
      views.alert.show(`Not loaded: ${name}.`, 'A run is in progress. Stop it before loading settings.');
      return;
    }
    try {
      const { values, unknown } = ui.settingsLink.fromJson(ui.settings.table, text);
      const skipped = form.write(values);
      linkSettings();
      const left = [...unknown, ...skipped];
      if (left.length) views.alert.show(`Loaded the settings of ${name}, but not all.`, `Not applied: ${left.join(', ')} (not a setting, or not possible with the file loaded).`);
      else views.alert.clear();
      views.run.setStatus(`Settings loaded from ${name}.`);
    } catch (error) {
      views.alert.show(`Could not load the settings of ${name}.`, `${messageOf(error)}. The form is unchanged.`);
    }
  }

  // ---- downloads -----------------------------------------------------------------------------
  function stamp() {
    return new Date().toISOString().slice(0, 19).replace(/[:T]/g, '-');
  }
  function downloadHistory() {
    const run = state.run;
    if (!run || !run.logs.length) return;
    ui.downloads.saveText(`gradtape-history-${ui.downloads.stem(run.dataName)}-${stamp()}.csv`,
      ui.downloads.historyCsv(run.logs, run.plan.task), 'text/csv');
  }
  function downloadErrors() {
    const run = state.run;
    if (!run || !engine.session) return;
    const kind = run.plan.task === 'regression' ? 'residuals' : 'misclassified';
    ui.downloads.saveText(`gradtape-${kind}-${ui.downloads.stem(run.dataName)}-${stamp()}.csv`, engine.session.errorRowsCsv(), 'text/csv');
  }
  function downloadSettings() {
    const run = state.run;
    if (!run) return;
    ui.downloads.saveText(`gradtape-settings-${ui.downloads.stem(run.dataName)}-${stamp()}.json`,
      ui.downloads.runJson({ version: state.engine.version, data: state.data, run }), 'application/json');
  }

  // ---- wiring --------------------------------------------------------------------------------
  function main() {
    const broken = [views.lossChart, views.metricChart].map((chart) => chart.error).find(Boolean);
    if (broken) views.alert.show('The charts are unavailable.', `${broken}. The Training history table still shows every epoch.`);
    if (window.uPlot) stopChartsWarmUp = ui.charts.warmUp();
    // Any change of target, features or missing-value policy (and the defaults restored)
    // re-counts the rows a run would lose.
    form.form.addEventListener('change', updateRunWarnings);
    byId('defaults-button').addEventListener('click', updateRunWarnings);
    form.form.addEventListener('submit', (event) => {
      event.preventDefault();
      train();
    });
    buttons.pause.addEventListener('click', togglePause);
    buttons.stop.addEventListener('click', stop);
    buttons.reset.addEventListener('click', reset);
    buttons.history.addEventListener('click', downloadHistory);
    buttons.settings.addEventListener('click', downloadSettings);
    buttons.best.addEventListener('click', useBestEpoch);
    form.form.addEventListener('change', linkSettings);
    form.form.addEventListener('input', linkSettings);
    const settingsFile = /** @type {HTMLInputElement} */ (byId('settings-file'));
    settingsFile.addEventListener('change', () => {
      const file = settingsFile.files && settingsFile.files[0];
      if (file) file.text().then((text) => loadSettingsText(file.name, text)).finally(() => { settingsFile.value = ''; });
    });
    applyLinked(null);
    if (linked.unknown.length) views.alert.show('Some settings in the address were not applied.', `Not settings: ${linked.unknown.join(', ')}.`);
    window.matchMedia('(prefers-color-scheme: dark)').addEventListener('change', () => {
      views.lossChart.applyTheme();
      views.metricChart.applyTheme();
    });
    window.addEventListener('error', (event) => views.alert.show('Something went wrong.', event.message));
    window.addEventListener('unhandledrejection', (event) => views.alert.show('Something went wrong.', messageOf(event.reason)));
    renderControls();
    engineStarted = startEngine();
  }

  main();
})(window.gradtapeUI = window.gradtapeUI || {});
