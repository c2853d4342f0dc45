import { useEffect, useState } from 'react';
import { browser } from 'wxt/browser';
import { hasSite, isKnownForum, originPattern, turnOffOrigin, turnOnSite, webOrigin } from '../../utils/browser/site-access';

/** "Enable Threadside on this site" for the tab the reader is looking at. */
export function SiteAccess() {
  const [site, setSite] = useState<{ origin: string; enabled: boolean } | null>(null);
  const [message, setMessage] = useState('');

  useEffect(() => {
    void (async () => {
      const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
      const origin = webOrigin(tab?.url);
      if (!origin || isKnownForum(origin)) return;
      setSite({ origin, enabled: await hasSite(origin) });
    })();
  }, []);

  if (!site) return null;
  const host = new URL(site.origin).host;

  const enable = async () => {
    if (await turnOnSite(originPattern(site.origin))) {
      setSite({ ...site, enabled: true });
      // No reload: the background starts Threadside in the open tab as soon as access is given.
      setMessage(`Threadside is on for ${host}.`);
    } else setMessage('Threadside was not given access to this site.');
  };
  const disable = async () => {
    await turnOffOrigin(site.origin);
    setSite({ ...site, enabled: false });
    setMessage(`Threadside is off for ${host}.`);
  };

  return (
    <div className="site-access">
      {site.enabled ? (
        <button type="button" onClick={disable}>
          Disable Threadside on {host}
        </button>
      ) : (
        <button type="button" onClick={enable}>
          Enable Threadside on {host}
        </button>
      )}
      <span role="status">{message}</span>
    </div>
  );
}
