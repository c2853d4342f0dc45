import { useEffect, useState } from 'react';
import { browser } from 'wxt/browser';
import {
  askForSiteFromPopup,
  earlierSiteAnswer,
  hasSite,
  isKnownForum,
  turnOffOrigin,
} from '../../utils/browser/site-access';
import { webOrigin } from '../../utils/forums/host';
import { siteAnswerMessage } from '../../utils/sites/site-request';

/** "Enable Threadside on this site" for the tab the reader is looking at. */
export function SiteAccess() {
  const [site, setSite] = useState<{ origin: string; enabled: boolean } | null>(null);
  const [message, setMessage] = useState('');

  useEffect(() => {
    void (async () => {
      const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
      const origin = webOrigin(tab?.url);
      if (!origin || isKnownForum(origin)) return;
      const enabled = await hasSite(origin);
      setSite({ origin, enabled });
      // The browser's prompt usually closes the popup before the reader answers it.
      setMessage((await earlierSiteAnswer(origin, enabled)) ?? '');
    })();
  }, []);

  if (!site) return null;
  const host = new URL(site.origin).host;

  const enable = async () => {
    const granted = await askForSiteFromPopup(site.origin);
    // No reload: the background starts Threadside in the open tab as soon as access is given.
    if (granted) setSite({ ...site, enabled: true });
    setMessage(siteAnswerMessage(site.origin, granted));
  };
  const disable = async () => {
    await turnOffOrigin(site.origin);
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
      <span role="status">{message}</span>
    </div>
  );
}
