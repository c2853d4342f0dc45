import { useState } from 'react';
import { readSiteAddress, type SiteAddress } from '../../utils/sites/site-address';

export type ReadSite = Extract<SiteAddress, { ok: true }>;

/**
 * A site typed by the reader. `onSite` runs straight from the submit, before anything is
 * awaited, so it may ask the browser for a permission; it returns false to keep the text.
 */
export function SiteAddressForm(props: {
  label: string;
  button: string;
  onSite: (site: ReadSite) => Promise<boolean> | void;
}) {
  const [address, setAddress] = useState('');
  const [error, setError] = useState('');
  return (
    <>
      <form
        className="add-site"
        onSubmit={(e) => {
          e.preventDefault();
          const read = readSiteAddress(address);
          setError(read.ok ? '' : read.message);
          if (!read.ok) return;
          void Promise.resolve(props.onSite(read)).then((keep) => keep !== false && setAddress(''));
        }}
      >
        <label>
          {props.label}{' '}
          <input value={address} onChange={(e) => setAddress(e.target.value)} placeholder="forum.example.org" />
        </label>{' '}
        <button type="submit">{props.button}</button>
      </form>
      <p className="message error" role="alert">
        {error}
      </p>
    </>
  );
}
