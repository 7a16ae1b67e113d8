// @ts-check
// A per-epoch line chart (train and validation), drawn on a canvas by the vendored uPlot. Like
// TensorFlow Playground's line chart it only exposes reset() and addPoints(); it draws what it
// is given and knows nothing about training. uPlot redraws in well under a millisecond, so a
// new epoch never makes a long task, and it scales the canvas by devicePixelRatio, so lines stay
// sharp on high-DPI screens. The legend is uPlot's HTML legend: the values under the cursor, else the latest epoch's.
(/** @param {GradtapeUI} ui */ function (ui) {
  'use strict';

  function themeColors() {
    const css = getComputedStyle(document.documentElement);
    const get = (name) => css.getPropertyValue(name).trim();
    return { text: get('--muted'), grid: get('--grid'), border: get('--border-strong'),
      train: get('--train'), val: get('--val') };
  }

  function requireUPlot() {
    if (typeof window.uPlot !== 'function') throw new Error('the chart library (vendor/uPlot.iife.min.js) did not load');
    return window.uPlot;
  }

  // The chart's look and scales. `epochs()` gives the x axis its span; `percent` formats the
  // y axis as percentages (accuracy) and keeps it within [0.5 or lower, 1].
  // `marked()` is the epoch the dashed line marks (0: none), once `drawn()` epochs reach it;
  // `overlays` are earlier runs' validation lines ({ label, color }), drawn thin and dashed.
  function plotOptions({ yTitle, percent, epochs, size, marked = () => 0, drawn = () => 0, overlays = [] }) {
    const c = themeColors();
    const font = `12px ${getComputedStyle(document.body).fontFamily}`;
    const labelFont = `600 12px ${getComputedStyle(document.body).fontFamily}`;
    const shown = percent ? (v) => `${(v * 100).toFixed(1)}%` : (v) => v.toFixed(4);
    // Under the cursor, that epoch's value; otherwise the latest epoch's, so the legend always
    // shows its series and their last values without hovering.
    const latest = (u, v, seriesIndex, index) => {
      if (index != null) return v;
      const column = u.data[seriesIndex] || [];
      let i = column.length - 1;
      while (i > 0 && column[i] == null) i -= 1; // a shorter run's line ends before the x axis
      return column[i];
    };
    const value = (u, v, seriesIndex, index) => {
      const x = latest(u, v, seriesIndex, index);
      return typeof x === 'number' && Number.isFinite(x) ? shown(x) : '–';
    };
    const few = (u) => u.data[0].length <= 30;
    const series = (label, color) => ({
      label, stroke: color, width: 2.25, value,
      points: { show: few, size: 5, fill: color, stroke: color },
    });
    const axis = (label, extra) => ({
      label, font, labelFont, stroke: c.text, labelSize: 22,
      grid: { stroke: c.grid, width: 1 }, ticks: { stroke: c.border, width: 1, size: 4 }, ...extra,
    });
    return {
      width: size.width,
      height: size.height,
      pxAlign: 0,
      scales: {
        x: { time: false, range: () => [1, epochs()] },
        y: {
          range: percent
            ? (u, min) => [Math.min(0.5, Math.floor((min ?? 1) * 10) / 10), 1]
            : (u, min, max) => [0, max > 0 ? max * 1.08 : 1],
        },
      },
      axes: [
        axis('Epoch', { values: (u, splits) => splits.map((v) => (Number.isInteger(v) ? String(v) : '')) }),
        axis(yTitle, {
          size: 52,
          values: (u, splits) => splits.map((v) => (percent ? `${Math.round(v * 100)}%` : String(Number(v.toFixed(3))))),
        }),
      ],
      series: [{ label: 'Epoch', value: (u, v, seriesIndex, index) => {
        const x = latest(u, v, seriesIndex, index);
        return x == null ? '–' : String(x);
      } }, series('Train', c.train), series('Validation', c.val),
      ...overlays.map((o) => ({ label: o.label, stroke: o.color, width: 1.5, dash: [6, 4], value, points: { show: false } }))],
      legend: { live: true },
      cursor: { drag: { x: false, y: false }, points: { size: 7 } },
      hooks: { draw: [(u) => drawMark(u, marked(), drawn(), c.val)] },
    };
  }

  // A dashed vertical line at `epoch` (the best one), once that epoch is drawn.
  function drawMark(u, epoch, drawn, color) {
    if (!(epoch > 0) || epoch > drawn) return;
    const x = Math.round(u.valToPos(epoch, 'x', true));
    const { ctx, bbox } = u;
    ctx.save();
    ctx.strokeStyle = color;
    ctx.globalAlpha = 0.7;
    ctx.lineWidth = Math.max(1, devicePixelRatio || 1);
    ctx.setLineDash([5 * (devicePixelRatio || 1), 4 * (devicePixelRatio || 1)]);
    ctx.beginPath();
    ctx.moveTo(x, bbox.top);
    ctx.lineTo(x, bbox.top + bbox.height);
    ctx.stroke();
    ctx.restore();
  }

  // box: the element the chart fills; options: { yTitle (also the canvas's accessible name,
  // "TITLE chart"), percent, empty (the overlay shown while there is nothing to draw), epochs (the
  // x span) }.
  function createEpochChart(box, { yTitle: initialTitle, percent: initialPercent = false, empty = null, epochs: span = 10 }) {
    const UPlot = requireUPlot();
    let yTitle = initialTitle;
    let percent = initialPercent;
    const data = [[], [], []]; // this run's epochs, train and validation values
    /** @type {{ label: string, color: string, values: number[] }[]} */
    let overlays = [];
    let epochs = Math.max(2, span);
    let plot = null;
    let bestEpoch = 0;

    // What uPlot draws: this run's lines, and the earlier runs' over an x axis long enough for
    // all, every column padded with nulls to its length.
    function composed() {
      if (!overlays.length) return data;
      const n = Math.max(data[0].length, ...overlays.map((o) => o.values.length));
      const pad = (values) => Array.from({ length: n }, (_, i) => (i < values.length ? values[i] : null));
      return [Array.from({ length: n }, (_, i) => i + 1), pad(data[1]), pad(data[2]), ...overlays.map((o) => pad(o.values))];
    }
    const longest = () => Math.max(epochs, ...overlays.map((o) => o.values.length));

    // The plot takes the box's width, and its height less the legend's (and its 0.2rem margin).
    function size() {
      const legend = plot ? /** @type {HTMLElement | null} */ (plot.root.querySelector('.u-legend')) : null;
      return { width: Math.max(100, box.clientWidth), height: Math.max(80, box.clientHeight - (legend ? legend.offsetHeight + 4 : 28)) };
    }

    function build() {
      if (plot) plot.destroy();
      plot = new UPlot(plotOptions({ yTitle, percent, epochs: longest, size: size(), marked: () => bestEpoch, drawn: () => data[0].length, overlays }),
        composed(), box);
      const canvas = plot.root.querySelector('canvas');
      canvas.setAttribute('role', 'img');
      canvas.setAttribute('aria-label', `${yTitle} chart`);
      canvas.textContent = `Train and validation ${yTitle.toLowerCase()} per epoch, with a dashed line at the best epoch; the Training history table holds the same numbers.`;
      plot.setSize(size());
      // The legend's height settles once its values are laid out, and wraps to more lines on a
      // narrow screen or with earlier runs listed: the plot takes what it leaves.
      resizer.observe(/** @type {Element} */ (plot.root.querySelector('.u-legend')));
    }

    function showEmpty() {
      if (empty) empty.hidden = data[0].length > 0 || overlays.length > 0;
    }

    // Clears the lines; the x axis spans `epochs` so a run grows left to right across it.
    function reset(runEpochs = 10) {
      const span = Math.max(2, runEpochs);
      if (span === epochs && !data[0].length) return; // already clear: no redraw
      epochs = span;
      bestEpoch = 0;
      for (const column of data) column.length = 0;
      plot.setData(composed());
      showEmpty();
    }

    // Earlier runs' validation values by epoch (index 0 is epoch 1), with their labels and colours.
    // A change rebuilds the plot (its series change).
    /** @param {{ label: string, color: string, values: number[] }[]} next */
    function setOverlays(next) {
      const key = (list) => list.map((o) => `${o.label}\u0000${o.color}\u0000${o.values.length}`).join('\u0001');
      if (key(next) === key(overlays)) return;
      overlays = next;
      build();
      showEmpty();
    }

    // The figure drawn: its title (the accessible name is "TITLE chart") and whether it is a
    // share shown as a percentage. A change rebuilds the plot.
    /** @param {{ yTitle: string, percent: boolean }} metric */
    function setMetric(metric) {
      if (metric.yTitle === yTitle && metric.percent === percent) return;
      yTitle = metric.yTitle;
      percent = metric.percent;
      build();
    }

    // points: [{ epoch, train, val }], appended in one redraw.
    function addPoints(points) {
      if (!points.length) return;
      for (const point of points) {
        data[0].push(point.epoch);
        data[1].push(point.train);
        data[2].push(point.val);
      }
      plot.setData(composed());
      showEmpty();
    }

    // The best epoch, marked by a dashed line from the next points drawn on.
    /** @param {number} epoch */
    function markEpoch(epoch) {
      bestEpoch = epoch;
    }

    // The colours come from the page's theme: rebuilt when it changes.
    function applyTheme() {
      build();
    }

    const resizer = new ResizeObserver(() => {
      const next = size();
      if (next.width !== plot.width || next.height !== plot.height) plot.setSize(next);
    });
    resizer.observe(box);
    build();
    showEmpty();
    return { reset, addPoints, setMetric, markEpoch, setOverlays, applyTheme, get size() { return data[0].length; } };
  }

  // The first draws of a plot run slower than the rest, until the engine has compiled the
  // library's hot code and the glyphs are cached. Warm up on a detached plot while the page is
  // idle, one draw per task. Returns a function that cancels what is left (a run is starting).
  function warmUp(rounds = 30) {
    let cancelled = false;
    let plot = null;
    const data = [[], [], []];
    const idle = (fn) => ui.whenIdle(fn, 200);
    const done = () => {
      cancelled = true;
      if (plot) plot.destroy();
      plot = null;
    };
    const round = (i) => {
      if (cancelled) return;
      if (i >= rounds) {
        done();
        return;
      }
      if (!plot) {
        plot = new (requireUPlot())(plotOptions({ yTitle: 'Loss', percent: false, epochs: () => rounds, size: { width: 480, height: 240 } }),
          data, document.createElement('div'));
      }
      data[0].push(i + 1);
      data[1].push(1 / (i + 2));
      data[2].push(1.2 / (i + 2));
      plot.setData(data);
      idle(() => round(i + 1));
    };
    idle(() => round(0));
    return done;
  }

  // The chart, or, when the chart library did not load, a placeholder that draws nothing and
  // says why in `error` (the history table still shows every epoch).
  function createChartOrPlaceholder(box, options) {
    try {
      return createEpochChart(box, options);
    } catch (error) {
      return { reset() {}, addPoints() {}, setMetric() {}, markEpoch() {}, setOverlays() {}, applyTheme() {}, error: String((error && error.message) || error) };
    }
  }

  // The words over the two charts, by task: the loss's name, and the metric beside it.
  const LOSS_NAMES = {
    binary: 'binary cross-entropy per epoch',
    multiclass: 'categorical cross-entropy per epoch',
    regression: 'mean squared error of the standardised target, per epoch',
  };
  function createChartCaptions() {
    const { byId, setText } = ui.dom;
    const loss = byId('loss-chart-sub');
    const title = byId('metric-chart-title');
    const sub = byId('metric-chart-sub');
    const empty = byId('accuracy-empty').firstElementChild;
    /** @param {Plan} plan */
    function show(plan) {
      const units = plan.metric.kind === 'units';
      setText(loss, LOSS_NAMES[plan.task] || LOSS_NAMES.binary);
      setText(title, plan.metric.label);
      setText(sub, units ? `mean absolute error, in ${plan.target}'s units` : 'share of rows classified right');
      setText(empty, units ? 'The MAE per epoch is drawn here as the model trains.' : 'The accuracy per epoch is drawn here as the model trains.');
    }
    return { show };
  }

  ui.charts = { createEpochChart, createChartOrPlaceholder, createChartCaptions, warmUp };
})(window.gradtapeUI = window.gradtapeUI || {});
