// A per-epoch line chart (train and validation) on a canvas, drawn by the vendored Chart.js.
// Like TensorFlow Playground's line chart it only exposes reset() and addPoints(); it draws
// what it is given and knows nothing about training. Animation is off, so an update costs one
// redraw; Chart.js scales the canvas by devicePixelRatio, so lines stay sharp on high-DPI
// screens.
(function (ui) {
  'use strict';

  function themeColors() {
    const css = getComputedStyle(document.documentElement);
    const get = (name) => css.getPropertyValue(name).trim();
    return { text: get('--muted'), grid: get('--grid'), border: get('--border-strong'),
      train: get('--train'), val: get('--val'), surface: get('--surface'), strong: get('--text') };
  }

  function chartConfig({ yTitle, percent }) {
    const format = percent ? (v) => `${(v * 100).toFixed(1)}%` : (v) => v.toFixed(4);
    const tick = percent ? (v) => `${Math.round(v * 100)}%` : (v) => Number(v.toFixed(3));
    const dense = (ctx) => ctx.chart.data.datasets[0].data.length > 30;
    const series = (label, key) => ({
      label, key, data: [], borderWidth: 2.25, tension: 0.2, fill: false,
      pointRadius: (ctx) => (dense(ctx) ? 0 : 2.5), pointHoverRadius: 4, pointHitRadius: 8,
    });
    return {
      type: 'line',
      data: { datasets: [series('Train', 'train'), series('Validation', 'val')] },
      options: {
        animation: false,
        responsive: true,
        maintainAspectRatio: false,
        parsing: false,
        normalized: true,
        interaction: { mode: 'index', intersect: false },
        layout: { padding: { top: 2, right: 6 } },
        scales: {
          x: {
            type: 'linear', min: 1, max: 10, bounds: 'ticks',
            title: { display: true, text: 'Epoch' },
            ticks: { precision: 0, maxTicksLimit: 9 },
          },
          y: {
            title: { display: true, text: yTitle },
            beginAtZero: !percent,
            suggestedMin: percent ? 0.5 : 0,
            max: percent ? 1 : undefined,
            ticks: { callback: tick, maxTicksLimit: 7 },
          },
        },
        plugins: {
          legend: {
            position: 'top', align: 'end',
            labels: { usePointStyle: true, pointStyle: 'line', boxWidth: 26, padding: 14 },
          },
          tooltip: {
            callbacks: {
              title: (items) => (items.length ? `Epoch ${items[0].parsed.x}` : ''),
              label: (item) => ` ${item.dataset.label}: ${format(item.parsed.y)}`,
            },
          },
        },
      },
    };
  }

  function requireChart() {
    if (typeof window.Chart !== 'function') throw new Error('the chart library (vendor/chart.umd.min.js) did not load');
    return window.Chart;
  }

  // options: { yTitle, percent (format the y axis as percentages), empty (the overlay shown
  // while there is nothing to draw) }.
  function createEpochChart(canvas, { yTitle, percent = false, empty = null }) {
    const Chart = requireChart();
    const chart = new Chart(canvas, chartConfig({ yTitle, percent }));

    function applyTheme() {
      const c = themeColors();
      chart.options.color = c.text;
      chart.options.font = { family: getComputedStyle(document.body).fontFamily, size: 12 };
      for (const axis of Object.values(chart.options.scales)) {
        axis.grid = { color: c.grid };
        axis.border = { color: c.border };
        axis.ticks.color = c.text;
        axis.title.color = c.text;
      }
      chart.options.plugins.legend.labels.color = c.strong;
      for (const dataset of chart.data.datasets) {
        const color = c[dataset.key];
        dataset.borderColor = color;
        dataset.backgroundColor = color;
        dataset.pointBackgroundColor = color;
      }
      chart.options.plugins.tooltip.backgroundColor = c.strong;
      chart.options.plugins.tooltip.titleColor = c.surface;
      chart.options.plugins.tooltip.bodyColor = c.surface;
      chart.update('none');
    }

    function showEmpty() {
      if (empty) empty.hidden = chart.data.datasets[0].data.length > 0;
    }

    // Clears the lines; the x axis spans `epochs` so a run grows left to right across it.
    function reset(epochs = 10) {
      for (const dataset of chart.data.datasets) dataset.data = [];
      chart.options.scales.x.max = Math.max(2, epochs);
      chart.update('none');
      showEmpty();
    }

    // points: [{ epoch, train, val }], appended in one redraw.
    function addPoints(points) {
      if (!points.length) return;
      const [train, val] = chart.data.datasets;
      for (const point of points) {
        train.data.push({ x: point.epoch, y: point.train });
        val.data.push({ x: point.epoch, y: point.val });
      }
      chart.update('none');
      showEmpty();
    }

    applyTheme();
    showEmpty();
    return { reset, addPoints, applyTheme, get size() { return chart.data.datasets[0].data.length; } };
  }

  // The first few dozen draws of a chart with data run several times slower than the rest,
  // until the engine has compiled the library's hot code: tens of ms each, enough to make the
  // first frames of a run long tasks. Warm up on a detached canvas while the page is idle, one
  // draw per task. Returns a function that cancels what is left (a run is starting).
  function warmUp(rounds = 30) {
    let cancelled = false;
    let chart = null;
    const idle = window.requestIdleCallback ? (fn) => window.requestIdleCallback(fn, { timeout: 200 }) : (fn) => setTimeout(fn, 16);
    const done = () => {
      cancelled = true;
      if (chart) chart.destroy();
      chart = null;
    };
    const round = (i) => {
      if (cancelled) return;
      if (i >= rounds) {
        done();
        return;
      }
      if (!chart) {
        const canvas = document.createElement('canvas');
        canvas.width = 480;
        canvas.height = 270;
        const config = chartConfig({ yTitle: 'Loss', percent: i % 2 === 1 });
        config.options.responsive = false;
        chart = new (requireChart())(canvas, config);
      }
      const [train, val] = chart.data.datasets;
      train.data.push({ x: train.data.length + 1, y: 1 / (i + 2) });
      val.data.push({ x: val.data.length + 1, y: 1.2 / (i + 2) });
      chart.options.scales.x.max = Math.max(10, train.data.length);
      chart.update('none');
      idle(() => round(i + 1));
    };
    idle(() => round(0));
    return done;
  }

  ui.charts = { createEpochChart, warmUp };
})(window.gradtapeUI = window.gradtapeUI || {});
