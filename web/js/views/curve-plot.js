// @ts-check
// A curve in the unit square on a canvas, for a binary model's ROC and precision-recall curves:
// the curve as a line, axes at 0, 0.25, ... 1, and a reference (the diagonal a coin toss draws
// on a ROC plot, the positives' share a coin toss scores on a PR plot). A marked point shows
// where the decision threshold sits. Drawn at the device's pixel ratio.
(/** @param {GradtapeUI} ui */ function (ui) {
  'use strict';

  const PAD = { left: 40, right: 10, top: 8, bottom: 30 };
  const TICKS = [0, 0.25, 0.5, 0.75, 1];

  /**
   * @param {HTMLCanvasElement} canvas
   * @param {{ name: string, xLabel: string, yLabel: string }} options
   */
  function createCurvePlot(canvas, { name, xLabel, yLabel }) {
    canvas.setAttribute('role', 'img');
    canvas.setAttribute('aria-label', name);
    /** @type {{ xs: number[], ys: number[], reference: number[][], mark: number[] | null } | null} */
    let shown = null;

    function draw() {
      if (!shown) {
        ui.dom.clearCanvas(canvas);
        return;
      }
      const { g, width, height, color } = ui.dom.canvasForDrawing(canvas, { width: 280, height: 220 });
      const px = (x) => PAD.left + x * (width - PAD.left - PAD.right);
      const py = (y) => height - PAD.bottom - y * (height - PAD.top - PAD.bottom);
      g.font = `11px ${getComputedStyle(document.body).fontFamily}`;
      g.fillStyle = color('--muted');
      g.strokeStyle = color('--grid');
      g.lineWidth = 1;
      for (const t of TICKS) {
        g.beginPath();
        g.moveTo(px(t), PAD.top);
        g.lineTo(px(t), py(0));
        g.moveTo(px(0), py(t));
        g.lineTo(px(1), py(t));
        g.stroke();
        g.textAlign = 'center';
        g.fillText(String(t), px(t), height - PAD.bottom + 13);
        g.textAlign = 'right';
        g.fillText(String(t), PAD.left - 4, py(t) + 4);
      }
      g.textAlign = 'center';
      g.fillText(xLabel, px(0.5), height - 3);
      g.save();
      g.translate(10, py(0.5));
      g.rotate(-Math.PI / 2);
      g.fillText(yLabel, 0, 0);
      g.restore();
      g.strokeStyle = color('--muted');
      g.setLineDash([4, 4]);
      g.beginPath();
      shown.reference.forEach(([x, y], i) => (i ? g.lineTo(px(x), py(y)) : g.moveTo(px(x), py(y))));
      g.stroke();
      g.setLineDash([]);
      g.strokeStyle = color('--val');
      g.lineWidth = 2;
      g.beginPath();
      shown.xs.forEach((x, i) => (i ? g.lineTo(px(x), py(shown.ys[i])) : g.moveTo(px(x), py(shown.ys[i]))));
      g.stroke();
      if (shown.mark) {
        g.fillStyle = color('--train');
        g.beginPath();
        g.arc(px(shown.mark[0]), py(shown.mark[1]), 4.5, 0, 2 * Math.PI);
        g.fill();
      }
    }

    // xs, ys: the curve's points; reference: the coin toss's line as [x, y] points; text: what
    // the plot shows, in words (its fallback content). null clears the plot.
    /** @param {{ xs: number[], ys: number[], reference: number[][], text: string } | null} curve */
    function show(curve) {
      shown = curve ? { xs: curve.xs, ys: curve.ys, reference: curve.reference, mark: shown ? shown.mark : null } : null;
      canvas.textContent = curve ? curve.text : '';
      draw();
    }

    // The point [x, y] of the threshold in use, or null.
    /** @param {number[] | null} point */
    function mark(point) {
      if (!shown) return;
      shown.mark = point;
      draw();
    }

    return { show, mark };
  }

  ui.createCurvePlot = createCurvePlot;
})(window.gradtapeUI = window.gradtapeUI || {});
