import { defineConfig } from 'wxt';
import { matchPatterns } from './utils/forums/known-forums';

// See https://wxt.dev/api/config.html
export default defineConfig({
  modules: ['@wxt-dev/module-react', '@wxt-dev/webextension-polyfill'],
  manifest: ({ browser }) => ({
    name: 'Threadside',
    description:
      'Plain-English help beside patient forum threads: medical terms explained, threads summarised on your device.',
    // unlimitedStorage: saved threads must never be evicted when the disk fills.
    permissions: ['storage', 'unlimitedStorage', 'alarms'],
    // Asked for only when the reader turns notifications on.
    optional_permissions: ['notifications'],
    // Known forums only; nothing broad. Later issues add per-site permissions on request.
    host_permissions: matchPatterns(),
    commands: {
      'toggle-save': {
        suggested_key: { default: 'Alt+Shift+S' },
        description: 'Save or unsave the thread you are reading',
      },
    },
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'threadside@threadside.app',
              strict_min_version: '115.0',
              // Threadside collects nothing: say so in the form Firefox asks for.
              data_collection_permissions: { required: ['none'] },
            },
          },
        }
      : {}),
  }),
});
