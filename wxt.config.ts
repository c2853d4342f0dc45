import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { defineConfig } from 'wxt';
import { knownForums, matchPatterns } from './utils/forums/known-forums';
import { loadGlossary } from './utils/glossary/load';
import { compileMatcher } from './utils/glossary/matcher';
import { GLOSSARY_FILES, glossaryFiles } from './utils/glossary/files';

const DEMO = process.env.WXT_THREADSIDE_DEMO === '1';

// See https://wxt.dev/api/config.html
export default defineConfig({
  hooks: {
    // The glossary's files, read by the glossary part in pages (see utils/glossary/files.ts),
    // on sites the reader enables later too (a per-session random URL, so pages cannot
    // fingerprint them).
    'build:manifestGenerated': (_wxt, manifest) => {
      (manifest.web_accessible_resources ??= []).push({
        resources: Object.values(GLOSSARY_FILES),
        matches: ['<all_urls>'],
        use_dynamic_url: true,
      } as never);
    },
    // The glossary matcher compiled once, here, for the background and pages to read ready-made.
    'build:publicAssets': (wxt, files) => {
      const { entries } = loadGlossary();
      const made = glossaryFiles(entries, compileMatcher(entries));
      // Binary, so written here and copied: WXT writes generated files as text.
      const tables = resolve(wxt.config.wxtDir, 'glossary-matcher.bin');
      mkdirSync(dirname(tables), { recursive: true });
      writeFileSync(tables, made.matcherTables);
      files.push(
        { relativeDest: GLOSSARY_FILES.entries, contents: made.entries },
        { relativeDest: GLOSSARY_FILES.matcherMeta, contents: made.matcherMeta },
        { relativeDest: GLOSSARY_FILES.matcherTables, absoluteSrc: tables },
      );
    },
  },
  modules: ['@wxt-dev/module-react', '@wxt-dev/webextension-polyfill'],
  // The polyfill taken as it is, not copied property by property (utils/browser/extension-api.ts).
  vite: () => ({
    resolve: {
      alias: [
        {
          find: /^webextension-polyfill$/,
          replacement: resolve(import.meta.dirname, 'utils/browser/extension-api.ts'),
        },
      ],
    },
  }),
  // Manifest V3 in Firefox too: it has optional_host_permissions (sites enabled one by one),
  // the action API and promise-returning calls, where its MV2 has none of them.
  manifestVersion: 3,
  // The demo build (npm run build:demo) is the store build with the demo forum as a known
  // forum, in its own folder: the tests and benchmarks load what readers get, plus the demo.
  ...(DEMO ? { outDirTemplate: '{{browser}}-mv{{manifestVersion}}-demo' } : {}),
  manifest: ({ browser, manifestVersion, mode }) => ({
    name: 'Threadside',
    description:
      'Plain-English help beside patient forum threads: medical terms explained, threads summarised on your device.',
    // unlimitedStorage: saved threads must never be evicted when the disk fills.
    // scripting: to run Threadside on sites the reader enables, after they grant them.
    permissions: ['storage', 'unlimitedStorage', 'alarms', 'scripting', 'activeTab', 'contextMenus'],
    // Asked for only when the reader turns notifications on.
    optional_permissions: ['notifications'],
    // Any other site only when the reader enables it, at that moment ("Enable on this site").
    optional_host_permissions: ['*://*/*'],
    // Known forums only; nothing broad.
    host_permissions: matchPatterns(knownForums(DEMO || mode !== 'production')),
    // Keys that reach Threadside in both browsers. Firefox gives Alt with a letter of its menus
    // (F, E, V, S, B, T and H in English), Shift or not, to the menus first: Alt+Shift+S and
    // Alt+Shift+E never reached the add-on there (firefox-keys.e2e.test.ts).
    commands: {
      // Opens the popup from the keyboard. Like a click on the toolbar button, it lets the popup
      // see which site the tab is on, so "Enable Threadside on this site" can be offered.
      [manifestVersion === 2 ? '_execute_browser_action' : '_execute_action']: {
        suggested_key: { default: 'Alt+Shift+U' },
        description: 'Open Threadside',
      },
      'toggle-save': {
        suggested_key: { default: 'Alt+Shift+K' },
        description: 'Save or unsave the thread you are reading',
      },
      'explain-selection': {
        suggested_key: { default: 'Alt+Shift+G' },
        description: 'Explain the selected words with Threadside',
      },
    },
    // 123: the new-reply stripe's colours use light-dark(); scroll ends (114) tell the
    // reader's stops. An older Chrome would show no stripe and wait 2 s for every stop.
    ...(browser === 'chrome' ? { minimum_chrome_version: '123' } : {}),
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'threadside@threadside.app',
              // 140: the first ESR that reads data_collection_permissions.
              strict_min_version: '140.0',
              // Threadside collects nothing: say so in the form Firefox asks for.
              data_collection_permissions: { required: ['none'] },
            },
            // Firefox for Android reads data_collection_permissions from 142 on.
            gecko_android: { strict_min_version: '142.0' },
          },
        }
      : {}),
  }),
});
