// @ts-check
// The frame loop of a run. Each animation frame either trains (session.step() within the frame's
// budget) or draws one queued piece of what the finished epochs computed (the loss chart, the
// metric chart, then the table, results and status), so each frame's script stays small and far
// below a 50 ms long task even on a slow or busy machine. All it keeps is in the app state.
(/** @param {GradtapeUI} ui */ function (ui) {
  'use strict';
  const S = ui.state;
  const fmt = ui.format;

  // Per frame: at most this long inside session.step(); frames that draw do not step at all.
  const STEP_BUDGET_MS = 8;
  // Small data trains an epoch in a few ms. A run of up to this many epochs computes at most one
  // epoch per step frame, so the tutorial's 60 epochs play out over a couple of seconds, epoch
  // by epoch; longer runs compute several epochs per frame.
  const EPOCHS_AT_ONE_PER_FRAME = 60;
  const PROGRESS_EVERY_MS = 150;
  // New epochs are drawn in small batches: every redraw costs style, layout and paint, so the
  // charts, the table and the results redraw at most this often (and at the end of a run).
  const DRAW_EVERY_MS = 150;

  /**
   * @param {{ state: AppState, session: () => any, views: any, onEnd: (status: RunStatus, error?: unknown) => void,
   *           onEpochsDrawn: () => void }} options
   */
  function createTrainingLoop({ state, session, views, onEnd, onEpochsDrawn }) {
    // The best epoch so far by the monitored figure (0 before the first).
    /** @param {Run} run */
    const bestEpoch = (run) => (run.progress ? run.progress.bestEpoch : 0);
    /** @type {Record<string, (run: Run, logs: EpochLog[]) => void>} */
    const pieces = {
      // Clearing the last run's charts and tables is drawing too: it takes the first frames.
      clearLoss: (run) => views.lossChart.reset(run.settings.epochs),
      clearRest: (run) => {
        const { metric } = run.plan;
        views.metricChart.setMetric({ yTitle: metric.label, percent: metric.kind === 'fraction' });
        views.metricChart.reset(run.settings.epochs);
        views.captions.show(run.plan);
        views.history.reset(run.plan.task);
        views.results.reset(run.plan);
        views.run.setSummary('');
        views.run.showPlan(run.plan);
        views.run.showProgress(S.progressFigures(run, performance.now()));
      },
      loss: (run, logs) => {
        views.lossChart.markEpoch(bestEpoch(run));
        views.lossChart.addPoints(logs.map((log) => ({ epoch: log.epoch, train: log.trainLoss, val: log.valLoss })));
      },
      metric: (run, logs) => {
        const { train, val } = run.plan.metric;
        views.metricChart.markEpoch(bestEpoch(run));
        views.metricChart.addPoints(logs.map((log) => ({ epoch: log.epoch, train: log[train], val: log[val] })));
      },
      rest: (run, logs) => {
        views.history.addRows(logs, bestEpoch(run), ui.settings.choiceLabel('monitor', run.settings.monitor));
        const last = logs[logs.length - 1];
        views.results.show(run.evaluation, last, run.settings.epochs);
        // The status is a live region: a screen reader hears it at most every 1.5 s during a run
        // (and at every change of state), while the figures below it follow every epoch.
        if (!(run.progress && run.progress.done) && S.shouldAnnounceEpoch(state, performance.now())) {
          views.run.setStatus(`Epoch ${last.epoch}/${run.settings.epochs} · val loss ${fmt.fixed(last.valLoss)} · ${S.metricText(run, last)}`);
        }
        onEpochsDrawn();
        state.frame.lastStatsAt = performance.now();
        views.run.showProgress(S.progressFigures(run, state.frame.lastStatsAt));
      },
    };

    /** @param {Run} run */
    function drawOne(run) {
      const next = S.nextDrawing(run);
      if (next) pieces[next.piece](run, next.logs);
    }

    // Trains within the budget: at most one epoch per frame for short runs, more for long ones.
    /** @param {Run} run @param {number} budgetMs @param {number} frameStart */
    function train(run, budgetMs, frameStart) {
      const epochsPerFrame = Math.max(1, Math.ceil(run.settings.epochs / EPOCHS_AT_ONE_PER_FRAME));
      const logs = [];
      let progress = run.progress;
      let evaluation = null;
      for (;;) {
        const left = budgetMs - (performance.now() - frameStart);
        progress = session().step({ budgetMs: Math.max(1, left) });
        if (progress.epochEnded && progress.log) {
          logs.push(progress.log);
          evaluation = progress.evaluation;
        }
        if (progress.done || !progress.epochEnded || logs.length >= epochsPerFrame) break;
        if (performance.now() - frameStart >= budgetMs) break;
      }
      S.stepped(run, progress, logs, evaluation);
    }

    /** @param {{ budgetMs: number, frameStart: number }} frame */
    function slice({ budgetMs, frameStart }) {
      const run = state.run;
      if (!run || run.status !== 'running') return false;
      if (run.drawQueue.length) {
        drawOne(run);
        if (!run.drawQueue.length && run.progress && run.progress.done) {
          onEnd('done');
          return false;
        }
        return true;
      }
      try {
        train(run, budgetMs, frameStart);
      } catch (error) {
        onEnd('failed', error);
        return false;
      }
      const now = performance.now();
      if (run.undrawn.length && (run.progress.done || now - state.frame.lastDrawAt >= DRAW_EVERY_MS)) {
        S.queueDrawing(run, ['loss', 'metric', 'rest'], S.takeUndrawn(run));
        state.frame.lastDrawAt = now;
        return true; // drawn in the next frames
      }
      // Between epochs the progress figures change a few times a second, not every frame: a
      // frame that changes nothing on screen costs no style, layout, paint or raster work.
      if (now - state.frame.lastStatsAt >= PROGRESS_EVERY_MS) {
        state.frame.lastStatsAt = now;
        views.run.showProgress(S.progressFigures(run, now));
      }
      return true;
    }

    const scheduler = ui.createScheduler({ work: slice, budgetMs: STEP_BUDGET_MS });

    return {
      // Starts a new run's loop: the first frames clear the last run's views.
      begin() {
        S.queueDrawing(state.run, ['clearLoss', 'clearRest']);
        scheduler.start();
      },
      resume() { scheduler.start(); },
      stop() { scheduler.stop(); },
      // Draws at once whatever is computed but not drawn yet (before a pause, a stop or an error).
      flush() {
        const run = state.run;
        if (!run) return;
        while (run.drawQueue.length) drawOne(run);
        const logs = S.takeUndrawn(run);
        if (logs.length) ['loss', 'metric', 'rest'].forEach((piece) => pieces[piece](run, logs));
      },
      // Forgets the queued drawing (a reset).
      discard() {
        scheduler.stop();
        if (state.run) state.run.drawQueue.length = 0;
      },
    };
  }

  ui.createTrainingLoop = createTrainingLoop;
})(window.gradtapeUI = window.gradtapeUI || {});
