import { useEffect, useState } from 'react';
import { gistSetting } from '../../utils/browser/gist-setting';
import { canWriteGist, onDeviceSummarizer } from '../../utils/browser/on-device-gist';

/**
 * The optional on-device gist: shown only where this browser has its own summarising model
 * (Chrome's built-in one); elsewhere there is nothing to choose. Off until the reader turns
 * it on.
 */
export function GistSection() {
  const [offered, setOffered] = useState(false);
  const [on, setOn] = useState(false);
  useEffect(() => {
    const model = onDeviceSummarizer();
    if (model) void canWriteGist(model).then(setOffered);
    void gistSetting.getValue().then(setOn);
  }, []);
  if (!offered) return null;
  const choose = async (value: boolean) => {
    setOn(value);
    await gistSetting.setValue(value);
  };
  return (
    <section aria-labelledby="gist-heading">
      <h2 id="gist-heading">Short gist</h2>
      <label>
        <input type="checkbox" checked={on} onChange={(e) => void choose(e.target.checked)} /> Offer a two- or
        three-sentence gist at the top of a summary’s key points
      </label>
      <p className="hint">
        Written by this browser’s own model, on this computer, from the key points only; nothing is sent anywhere. It
        can be wrong: the key points are what the posts say. The first gist may wait while the browser fetches its
        model.
      </p>
    </section>
  );
}
