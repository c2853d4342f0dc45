import { launchWithExtension } from './tests/e2e/extension-browser';
const b = await launchWithExtension();
const popup = await b.context.newPage();
popup.on('console', (m) => console.log('POPUP', m.type(), m.text()));
popup.on('pageerror', (e) => console.log('ERR', e.message));
await popup.goto(`chrome-extension://${b.extensionId}/popup.html`);
await popup.waitForTimeout(2000);
console.log((await popup.content()).slice(0, 500));
await b.close();
