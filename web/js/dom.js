// @ts-check
// Small DOM helpers. Text from a CSV only ever reaches the page through textContent (here:
// `el(tag, props, children)` appends strings as text nodes), never as HTML.
(/** @param {GradtapeUI} ui */ function (ui) {
  'use strict';

  // el('td', { className: 'x', title: 'y' }, ['text', childNode]) -> HTMLElement.
  function el(tag, props = {}, children = []) {
    const node = document.createElement(tag);
    for (const [key, value] of Object.entries(props)) {
      if (value === undefined || value === null || value === false) continue;
      if (key === 'className') node.className = value;
      else if (key === 'text') node.textContent = String(value);
      else if (key === 'dataset') Object.assign(node.dataset, value);
      else if (key === 'style') for (const [name, v] of Object.entries(value)) node.style.setProperty(name, v);
      else node.setAttribute(key, value === true ? '' : String(value));
    }
    for (const child of [].concat(children)) {
      if (child === null || child === undefined || child === false) continue;
      node.append(child instanceof Node ? child : document.createTextNode(String(child)));
    }
    return node;
  }

  function byId(id) {
    const node = document.getElementById(id);
    if (!node) throw new Error(`gradtape page: element #${id} is missing`);
    return node;
  }

  function setText(node, text) {
    const value = String(text);
    if (node.textContent !== value) node.textContent = value;
  }

  // A canvas cleared for drawing at its CSS size (`fallback` when not laid out) in CSS pixels,
  // backed at the device's pixel ratio; with a reader of the theme's colours (CSS variables).
  /** @param {HTMLCanvasElement} canvas @param {{ width: number, height: number }} fallback */
  function canvasForDrawing(canvas, fallback) {
    const css = getComputedStyle(document.documentElement);
    const ratio = window.devicePixelRatio || 1;
    const width = canvas.clientWidth || fallback.width;
    const height = canvas.clientHeight || fallback.height;
    canvas.width = Math.round(width * ratio);
    canvas.height = Math.round(height * ratio);
    const g = /** @type {CanvasRenderingContext2D} */ (canvas.getContext('2d'));
    g.setTransform(ratio, 0, 0, ratio, 0, 0);
    g.clearRect(0, 0, width, height);
    return { g, width, height, color: (/** @type {string} */ name) => css.getPropertyValue(name).trim() };
  }

  // Clears a canvas without measuring it: an empty plot needs no size, so no layout is forced
  // (a reset that measured would lay out the whole page inside the task that changed it).
  /** @param {HTMLCanvasElement} canvas */
  function clearCanvas(canvas) {
    const g = /** @type {CanvasRenderingContext2D} */ (canvas.getContext('2d'));
    g.setTransform(1, 0, 0, 1, 0, 0);
    g.clearRect(0, 0, canvas.width, canvas.height);
  }

  ui.dom = { el, byId, setText, canvasForDrawing, clearCanvas };
})(window.gradtapeUI = window.gradtapeUI || {});
