// @ts-check
// A small scatter plot on a canvas, for a regression's validation rows: points, axes with a few
// ticks, and a reference line (y = x for predicted against actual, y = 0 for residuals). Drawn
// at the device's pixel ratio; its accessible name and text say what it shows.
(/** @param {GradtapeUI} ui */ function (ui) {
  'use strict';

  const PAD = { left: 46, right: 10, top: 8, bottom: 30 };

  // Round tick values covering [lo, hi]: about `count` of them, at 1, 2 or 5 times a power of ten.
  /** @param {number} lo @param {number} hi @param {number} count */
  function ticks(lo, hi, count = 4) {
    const raw = (hi - lo) / count;
    const power = 10 ** Math.floor(Math.log10(raw));
    const step = [1, 2, 5, 10].map((m) => m * power).find((s) => s >= raw) || power * 10;
    const out = [];
    for (let v = Math.ceil(lo / step) * step; v <= hi + step * 1e-9; v += step) out.push(Number(v.toPrecision(12)));
    return out;
  }

  /** @param {number[]} values */
  function span(values) {
    let lo = Infinity;
    let hi = -Infinity;
    for (const v of values) {
      if (v < lo) lo = v;
      if (v > hi) hi = v;
    }
    if (!(hi > lo)) return [lo - 1, hi + 1];
    const margin = (hi - lo) * 0.05;
    return [lo - margin, hi + margin];
  }

  /**
   * @param {HTMLCanvasElement} canvas
   * @param {{ name: string, xLabel: string, yLabel: string, reference: 'identity' | 'zero' }} options
   */
  function createScatterPlot(canvas, { name, xLabel, yLabel, reference }) {
    canvas.setAttribute('role', 'img');
    canvas.setAttribute('aria-label', name);

    /** @param {number[]} xs @param {number[]} ys */
    function draw(xs, ys) {
      const { g, width, height, color } = ui.dom.canvasForDrawing(canvas, { width: 320, height: 240 });
      if (!xs.length) return;
      const [x0, x1] = reference === 'identity' ? span(xs.concat(ys)) : span(xs);
      const [y0, y1] = reference === 'identity' ? [x0, x1] : span(ys.concat([0]));
      const px = (x) => PAD.left + ((x - x0) / (x1 - x0)) * (width - PAD.left - PAD.right);
      const py = (y) => height - PAD.bottom - ((y - y0) / (y1 - y0)) * (height - PAD.top - PAD.bottom);
      g.font = `11px ${getComputedStyle(document.body).fontFamily}`;
      g.fillStyle = color('--muted');
      g.strokeStyle = color('--grid');
      g.lineWidth = 1;
      g.textAlign = 'center';
      for (const t of ticks(x0, x1)) {
        g.beginPath();
        g.moveTo(px(t), PAD.top);
        g.lineTo(px(t), height - PAD.bottom);
        g.stroke();
        g.fillText(ui.format.stat(t), px(t), height - PAD.bottom + 13);
      }
      g.textAlign = 'right';
      for (const t of ticks(y0, y1)) {
        g.beginPath();
        g.moveTo(PAD.left, py(t));
        g.lineTo(width - PAD.right, py(t));
        g.stroke();
        g.fillText(ui.format.stat(t), PAD.left - 4, py(t) + 4);
      }
      g.textAlign = 'center';
      g.fillText(xLabel, PAD.left + (width - PAD.left - PAD.right) / 2, height - 3);
      g.save();
      g.translate(10, PAD.top + (height - PAD.top - PAD.bottom) / 2);
      g.rotate(-Math.PI / 2);
      g.fillText(yLabel, 0, 0);
      g.restore();
      // The reference line: a perfect prediction.
      g.strokeStyle = color('--train');
      g.lineWidth = 1.5;
      g.beginPath();
      if (reference === 'identity') {
        g.moveTo(px(x0), py(x0));
        g.lineTo(px(x1), py(x1));
      } else {
        g.moveTo(px(x0), py(0));
        g.lineTo(px(x1), py(0));
      }
      g.stroke();
      g.fillStyle = color('--val');
      g.globalAlpha = xs.length > 500 ? 0.45 : 0.75;
      for (let i = 0; i < xs.length; i += 1) {
        g.beginPath();
        g.arc(px(xs[i]), py(ys[i]), 2.5, 0, 2 * Math.PI);
        g.fill();
      }
      g.globalAlpha = 1;
    }

    // points: { actual, predicted } in the target's units.
    /** @param {{ actual: number[], predicted: number[] } | null} points */
    function show(points) {
      if (!points) {
        ui.dom.clearCanvas(canvas);
        canvas.textContent = '';
        return;
      }
      const { actual, predicted } = points;
      if (reference === 'identity') draw(actual, predicted);
      else draw(predicted, predicted.map((p, i) => p - actual[i]));
      canvas.textContent = `${name}: ${actual.length} validation rows.`;
    }

    return { show };
  }

  ui.createScatterPlot = createScatterPlot;
})(window.gradtapeUI = window.gradtapeUI || {});
