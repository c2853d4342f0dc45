import { RAW_GLOSSARY } from '../utils/glossary/data';
import { getDb } from '../utils/browser/db';
import { isRequest, TOGGLE_SAVE, type Request } from '../utils/browser/messages';
import { getThread, recordVisit, removeThread, saveThread } from '../utils/db/threads-repo';

async function handle(request: Request) {
  const db = getDb();
  switch (request.type) {
    case 'threadside:glossary':
      return RAW_GLOSSARY;
    case 'threadside:saved-state':
      return (await getThread(db, [request.origin, request.threadId])) ?? null;
    case 'threadside:save':
      return saveThread(db, request.snapshot, Date.now());
    case 'threadside:unsave':
      await removeThread(db, [request.origin, request.threadId]);
      return null;
    case 'threadside:visit':
      return (await recordVisit(db, request.snapshot, Date.now())) ?? null;
  }
}

export default defineBackground(() => {
  browser.runtime.onMessage.addListener((message) => (isRequest(message) ? handle(message) : undefined));

  // The keyboard shortcut acts on the thread in the active tab.
  browser.commands.onCommand.addListener(async (command) => {
    if (command !== 'toggle-save') return;
    const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
    if (tab?.id !== undefined) await browser.tabs.sendMessage(tab.id, { type: TOGGLE_SAVE }).catch(() => undefined);
  });
});
