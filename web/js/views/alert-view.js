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

    // What the message shown is about ('locked': a file refused during a run), so that it can be
    // taken down once it is no longer true.
    let shownKind = '';

    /** @param {string} title @param {string} [message] @param {string} [kind] */
    function show(title, message, kind = '') {
      box.replaceChildren(el('strong', { text: title }), ' ', message || '');
      dismiss.hidden = false;
      shownKind = kind;
    }

    function clear() {
      if (box.childNodes.length) box.replaceChildren();
      dismiss.hidden = true;
      shownKind = '';
    }

    // Clears the message if it is of this kind.
    /** @param {string} kind */
    function clearKind(kind) {
      if (shownKind === kind) clear();
    }

    dismiss.addEventListener('click', () => {
      clear();
      onDismiss();
    });
    return { show, clear, clearKind };
  }

  ui.createAlertView = createAlertView;
})(window.gradtapeUI = window.gradtapeUI || {});
