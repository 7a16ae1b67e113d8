// @ts-check
// The alert bar: one message at a time (a bold title, then the details), read out by screen
// readers (role=alert), with a Dismiss button that hands the focus on.
(/** @param {GradtapeUI} ui */ function (ui) {
  'use strict';
  const { byId, el } = ui.dom;

  /** @param {{ onDismiss: () => void }} options */
  function createAlertView({ onDismiss }) {
    const box = byId('alert');
    const dismiss = byId('alert-dismiss');

    /** @param {string} title @param {string} [message] */
    function show(title, message) {
      box.replaceChildren(el('strong', { text: title }), ' ', message || '');
      dismiss.hidden = false;
    }

    function clear() {
      if (box.childNodes.length) box.replaceChildren();
      dismiss.hidden = true;
    }

    dismiss.addEventListener('click', () => {
      clear();
      onDismiss();
    });
    return { show, clear };
  }

  ui.createAlertView = createAlertView;
})(window.gradtapeUI = window.gradtapeUI || {});
