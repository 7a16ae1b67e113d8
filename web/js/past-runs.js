// @ts-check
// The page's earlier runs, for comparing them: their list under the charts (runs-view.js), and
// the shown ones of the current run's task as dashed validation lines in both charts. Showing,
// hiding and clearing a run change the app state (state.js) and redraw both.
(/** @param {GradtapeUI} ui */ function (ui) {
  'use strict';
  const S = ui.state;
  const fmt = ui.format;

  /** @param {{ state: AppState, charts: any[] }} options charts: [loss chart, metric chart] */
  function createPastRuns({ state, charts }) {
    const [lossChart, metricChart] = charts;
    const view = ui.createRunsView({
      onShow: (number, shown) => { S.showPastRun(state, number, shown); show(); },
      onClear: (number) => { S.clearPastRuns(state, number); show(); },
    });

    function show() {
      // Compared with the current run, or after a reset with the newest earlier one.
      const current = state.run || (state.pastRuns[0] ? state.pastRuns[0].run : null);
      const items = state.pastRuns.map(({ run, shown }) => {
        const last = run.logs[run.logs.length - 1];
        return {
          run, number: run.number, shown, color: view.color(run.number),
          label: current ? S.runDifferences(run, current, ui.settings.table) : 'earlier run',
          summary: `${fmt.plural(run.logs.length, 'epoch')}, final ${S.metricText(run, last)}, val loss ${fmt.fixed(last.valLoss)}`,
          comparable: !current || run.plan.task === current.plan.task,
        };
      });
      view.render(items);
      const drawn = items.filter((item) => item.shown && item.comparable);
      const metricKey = current ? current.plan.metric.val : 'valAccuracy';
      /** @param {(log: EpochLog) => number} value */
      const lines = (value) => drawn.map((item) => ({ label: `Run ${item.number}`, color: item.color, values: item.run.logs.map(value) }));
      lossChart.setOverlays(lines((log) => log.valLoss));
      metricChart.setOverlays(lines((log) => log[metricKey]));
    }

    return { show };
  }

  ui.createPastRuns = createPastRuns;
})(window.gradtapeUI = window.gradtapeUI || {});
