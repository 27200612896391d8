// A confirmation in the page's own modal <dialog> (focus is kept inside it; Escape answers no).

import { byId } from './dom.js';

/**
 * Asks a question; resolves true when the person confirms.
 * @param options {title, message, confirm (label), cancel (label), danger}
 */
export function confirmAction({ title, message, confirm, cancel, danger = false }) {
  const dialog = byId('confirm-dialog');
  byId('confirm-title').textContent = title;
  byId('confirm-message').textContent = message;
  const yes = byId('confirm-yes');
  const no = byId('confirm-no');
  yes.textContent = confirm;
  no.textContent = cancel;
  yes.classList.toggle('danger-solid', danger);
  yes.classList.toggle('primary', !danger);
  const opener = document.activeElement;
  return new Promise((resolve) => {
    const finish = (answer) => {
      yes.removeEventListener('click', onYes);
      no.removeEventListener('click', onNo);
      dialog.removeEventListener('cancel', onNo);
      dialog.close();
      if (opener && opener.isConnected) {
        opener.focus();
      }
      resolve(answer);
    };
    const onYes = () => finish(true);
    const onNo = (event) => { event.preventDefault(); finish(false); };
    yes.addEventListener('click', onYes);
    no.addEventListener('click', onNo);
    dialog.addEventListener('cancel', onNo);
    dialog.showModal();
    no.focus();
  });
}
