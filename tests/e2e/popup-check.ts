import { poll } from './harness';
import type { ReaderTab } from './reader';

/** What the popup says of its check: the status line, or "under way" while the button is off. */
const checkStatus = () => {
  const status = document.querySelector('.check-status')?.textContent ?? '';
  const done = !document.querySelector<HTMLButtonElement>('button.check-now')?.disabled && !/ · /.test(status);
  return done ? status : 'under way';
};

/** Presses the popup's Check now and waits for the check to end; gives what the popup then says. */
export async function checkNowIn(popup: ReaderTab): Promise<string> {
  await popup.click('button', 'Check now');
  // Done, not under way: the button stays off until the check ends.
  await poll(() => popup.evaluate(checkStatus, null)).toMatch(/^(Checked|Not checked|Stopped)/);
  return popup.evaluate(checkStatus, null);
}
