import { useState } from 'react';

export interface ThreadBarProps {
  title: string;
  postCount: number;
  /** Posts the page holds right now; forums load long threads in pieces. */
  loadedCount: number;
}

const numberFormat = new Intl.NumberFormat('en-GB');

function postsLabel(n: number): string {
  return `${numberFormat.format(n)} ${n === 1 ? 'post' : 'posts'}`;
}

/**
 * The in-page presence of Threadside on a thread. Save and Summary are shown but switched
 * off until their features land, so the bar's layout does not jump later.
 */
export function ThreadBar({ title, postCount, loadedCount }: ThreadBarProps) {
  const [collapsed, setCollapsed] = useState(false);

  if (collapsed) {
    return (
      <div className="ts-bar ts-bar--collapsed" role="region" aria-label="Threadside">
        <button
          type="button"
          className="ts-button ts-brand-button"
          aria-expanded="false"
          onClick={() => setCollapsed(false)}
        >
          <span className="ts-logo" aria-hidden="true" />
          Threadside
        </button>
      </div>
    );
  }

  return (
    <div className="ts-bar" role="region" aria-label="Threadside">
      <span className="ts-logo" aria-hidden="true" />
      <div className="ts-thread">
        <span className="ts-title" data-testid="thread-title">
          {title}
        </span>
        <span
          className="ts-count"
          data-testid="post-count"
          title={`${numberFormat.format(loadedCount)} of ${postsLabel(postCount)} loaded on this page`}
        >
          {postsLabel(postCount)}
        </span>
      </div>
      <div className="ts-actions">
        <button type="button" className="ts-button" disabled title="Saving threads is coming soon">
          Save
        </button>
        <button type="button" className="ts-button" disabled title="Summaries are coming soon">
          Summary
        </button>
        <button
          type="button"
          className="ts-button ts-icon-button"
          aria-label="Hide Threadside bar"
          aria-expanded="true"
          onClick={() => setCollapsed(true)}
        >
          ×
        </button>
      </div>
    </div>
  );
}
