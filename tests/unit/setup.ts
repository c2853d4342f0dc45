import 'fake-indexeddb/auto';
import { beforeEach } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';

// Every test starts with empty extension storage and listeners.
beforeEach(() => {
  fakeBrowser.reset();
});
