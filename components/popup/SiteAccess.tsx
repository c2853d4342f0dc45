import { useEffect, useState } from 'react';
import { browser } from 'wxt/browser';
import {
  askForSiteFromPopup,
  earlierSiteAnswer,
  hasSite,
  isKnownForum,
  knownForumTurnedOff,
  setKnownForumOn,
  turnOffOrigin,
} from '../../utils/browser/site-access';
import { webOrigin } from '../../utils/forums/host';
import { barHiddenSetting, setBarFolded } from '../../utils/browser/settings';
import { siteAnswerMessage } from '../../utils/sites/site-request';

/**
 * "Enable Threadside on this site" for the tab the reader is looking at. `onSettled` is told
 * once its first reading is drawn.
 */
export function SiteAccess({ onSettled }: { onSettled?: () => void }) {
  const [site, setSite] = useState<{ origin: string; enabled: boolean; known: boolean } | null>(null);
  const [message, setMessage] = useState('');
  const [barHidden, setBarHidden] = useState(false);

  useEffect(() => {
    void (async () => {
      const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
      const origin = webOrigin(tab?.url);
      if (!origin) return;
      setBarHidden((await barHiddenSetting.getValue()).includes(new URL(origin).host));
      // A known forum is turned off and on without asking the browser: its access came with the install.
      if (isKnownForum(origin)) {
        setSite({ origin, enabled: !(await knownForumTurnedOff(origin)), known: true });
        return;
      }
      const enabled = await hasSite(origin);
      setSite({ origin, enabled, known: false });
      // The browser's prompt usually closes the popup before the reader answers it.
      setMessage((await earlierSiteAnswer(origin, enabled)) ?? '');
    })()
      .catch(() => undefined)
      // Drawn (or found to have nothing to show): what comes below it can be drawn without
      // being pushed down under the reader's pointer.
      .finally(() => onSettled?.());
    // Once, as the popup opens.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  if (!site) return null;
  const host = new URL(site.origin).host;

  const enable = async () => {
    if (site.known) {
      await setKnownForumOn(site.origin, true);
      setSite({ ...site, enabled: true });
      setMessage(`Threadside is on for ${host}. Reload the page to see it.`);
      return;
    }
    const granted = await askForSiteFromPopup(site.origin);
    // No reload: the background starts Threadside in the open tab as soon as access is given.
    if (granted) setSite({ ...site, enabled: true });
    setMessage(siteAnswerMessage(site.origin, granted));
  };
  const showBar = async () => {
    await setBarFolded(host, false);
    setBarHidden(false);
    setMessage(`The bar is back on ${host}.`);
  };
  const disable = async () => {
    if (site.known) await setKnownForumOn(site.origin, false);
    else await turnOffOrigin(site.origin);
    setSite({ ...site, enabled: false });
    setMessage(`Threadside is off for ${host}.`);
  };

  return (
    <div className="site-access">
      {site.enabled ? (
        <button type="button" onClick={() => void disable()}>
          Disable Threadside on {host}
        </button>
      ) : (
        <button type="button" onClick={() => void enable()}>
          Enable Threadside on {host}
        </button>
      )}
      {site.enabled && barHidden && (
        <button type="button" onClick={() => void showBar()}>
          Show the Threadside bar on {host}
        </button>
      )}
      <span role="status">{message}</span>
    </div>
  );
}
