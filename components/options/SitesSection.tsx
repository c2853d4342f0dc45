import { useEffect, useState } from 'react';
import {
  isKnownForum,
  listSites,
  removeSite,
  setKnownForumOn,
  turnOffSite,
  turnOnSite,
} from '../../utils/browser/site-access';
import { barHiddenSetting, knownForumsOffSetting, setBarFolded } from '../../utils/browser/settings';
import { KNOWN_FORUMS } from '../../utils/forums/known-forums';
import { SiteAddressForm, type ReadSite } from './SiteAddressForm';
import { Keys, useShortcut } from '../Shortcut';
import type { SiteRow } from '../../utils/sites/site-list';

type Message = { kind: 'ok' | 'error'; text: string } | null;

/** Where Threadside runs: the known forums, and the sites the reader added, on or off. */
export function SitesSection() {
  const [rows, setRows] = useState<SiteRow[]>([]);
  const [knownOff, setKnownOff] = useState<string[]>([]);
  const [barHiddenOn, setBarHiddenOn] = useState<string[]>([]);
  const [message, setMessage] = useState<Message>(null);
  const openKeys = useShortcut('_execute_action');
  const refresh = () => void listSites().then(setRows);
  useEffect(refresh, []);
  useEffect(() => {
    void knownForumsOffSetting.getValue().then(setKnownOff);
    return knownForumsOffSetting.watch(setKnownOff);
  }, []);
  useEffect(() => {
    void barHiddenSetting.getValue().then(setBarHiddenOn);
    return barHiddenSetting.watch(setBarHiddenOn);
  }, []);
  const showBar = async (host: string) => {
    await setBarFolded(host, false);
    setMessage({ kind: 'ok', text: `The bar is back on ${host}.` });
  };
  // A known forum's access came with the install: off and on again need no prompt.
  const setKnown = async (host: string, name: string, on: boolean) => {
    await setKnownForumOn(`https://${host}`, on);
    setMessage({
      kind: 'ok',
      text: on
        ? `Threadside is on for ${name}. Reload its open pages to see it.`
        : `Threadside is off for ${name}. Turn it on again here at any time.`,
    });
  };

  // Each asks the browser first thing in the click: permission requests need the click.
  const turnOn = async (pattern: string, label: string) => {
    const granted = await turnOnSite(pattern);
    setMessage(
      granted
        ? { kind: 'ok', text: `Threadside is on for ${label}.` }
        : { kind: 'error', text: `The browser did not give Threadside access to ${label}, so it stays off there.` },
    );
    refresh();
    return granted;
  };
  const turnOff = async (row: SiteRow) => {
    await turnOffSite(row.pattern);
    setMessage({ kind: 'ok', text: `Threadside is off for ${row.label}. Turn it on again here at any time.` });
    refresh();
  };
  const remove = async (row: SiteRow) => {
    await removeSite(row.pattern);
    setMessage({ kind: 'ok', text: `${row.label} was removed.` });
    refresh();
  };
  const add = async (site: ReadSite) => {
    if (isKnownForum(site.origin)) {
      setMessage({ kind: 'ok', text: `Threadside already works on ${site.host}.` });
      return true;
    }
    return turnOn(site.pattern, site.host);
  };

  return (
    <section aria-labelledby="sites-heading">
      <h2 id="sites-heading">Sites</h2>
      <p>Threadside works on these forums out of the box; each can be turned off:</p>
      <ul aria-label="Known forums" className="site-list">
        {KNOWN_FORUMS.map((f) => {
          const on = !knownOff.includes(f.host);
          return (
            <li key={f.host}>
              <span className="site-name">
                {f.name} ({f.host})
              </span>{' '}
              <span className="site-state">{on ? 'On' : 'Off'}</span>{' '}
              <button
                type="button"
                aria-label={`${on ? 'Turn off' : 'Turn on'} ${f.name}`}
                onClick={() => void setKnown(f.host, f.name, !on)}
              >
                {on ? 'Turn off' : 'Turn on'}
              </button>
            </li>
          );
        })}
      </ul>
      <p>
        To use it on another site, open a thread there, click the Threadside button in the toolbar
        {openKeys && (
          <>
            {' '}
            (or press <Keys keys={openKeys} />)
          </>
        )}{' '}
        and choose “Enable Threadside on …”, or add the site below. The browser asks you first.
      </p>
      {rows.length > 0 && (
        <ul aria-label="Sites you added" className="site-list">
          {rows.map((row) => (
            <li key={row.pattern}>
              <span className="site-name">{row.label}</span>{' '}
              <span className="site-state">{row.enabled ? 'On' : 'Off'}</span>{' '}
              {row.enabled ? (
                <button type="button" aria-label={`Turn off ${row.label}`} onClick={() => void turnOff(row)}>
                  Turn off
                </button>
              ) : (
                <button
                  type="button"
                  aria-label={`Turn on ${row.label}`}
                  onClick={() => void turnOn(row.pattern, row.label)}
                >
                  Turn on
                </button>
              )}{' '}
              <button type="button" aria-label={`Remove ${row.label}`} onClick={() => void remove(row)}>
                Remove
              </button>
            </li>
          ))}
        </ul>
      )}
      {barHiddenOn.length > 0 && (
        <>
          <p>You folded the Threadside bar away (×) on these sites; it shows there as a small button:</p>
          <ul aria-label="Sites where the bar is folded away" className="site-list">
            {barHiddenOn.map((host) => (
              <li key={host}>
                <span className="site-name">{host}</span>{' '}
                <button type="button" aria-label={`Show the bar on ${host}`} onClick={() => void showBar(host)}>
                  Show the bar
                </button>
              </li>
            ))}
          </ul>
        </>
      )}
      <SiteAddressForm label="Site address" button="Enable Threadside on this site" onSite={add} />
      <p
        className={`message${message?.kind === 'error' ? ' error' : ''}`}
        role={message?.kind === 'error' ? 'alert' : 'status'}
        data-testid="sites-message"
      >
        {message?.text}
      </p>
    </section>
  );
}
