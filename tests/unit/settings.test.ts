import { describe, expect, it } from 'vitest';
import {
  clampInterval,
  intervalFromInput,
  effectiveGlossaryMode,
  glossaryModeSetting,
  glossarySiteModesSetting,
  withHost,
} from '../../utils/browser/settings';

describe('settings', () => {
  it('lets a per-site glossary choice win over the general one', async () => {
    expect(await glossaryModeSetting.getValue()).toBe('first');
    await glossarySiteModesSetting.setValue({ 'www.reddit.com': 'off' });
    const perSite = await glossarySiteModesSetting.getValue();
    expect(effectiveGlossaryMode('every', perSite, 'www.reddit.com')).toBe('off');
    expect(effectiveGlossaryMode('every', perSite, 'forum.bloodcancer.org.uk')).toBe('every');
  });

  it('keeps the check interval between 5 and 60 minutes', () => {
    expect(clampInterval(1)).toBe(5);
    expect(clampInterval(90)).toBe(60);
    expect(clampInterval(Number.NaN)).toBe(15);
    expect(clampInterval(20)).toBe(20);
  });

  it('takes an emptied interval field as the default 15 minutes, not the least (#17 item 11)', () => {
    expect(intervalFromInput('')).toBe(15);
    expect(intervalFromInput('  ')).toBe(15);
    expect(intervalFromInput('0')).toBe(5);
    expect(intervalFromInput('30')).toBe(30);
    expect(intervalFromInput('abc')).toBe(15);
  });
});

describe('sites where the bar is folded away', () => {
  it('adds a site once and takes it off again, leaving the others', () => {
    const once = withHost(['a.example'], 'forum.example.org', true);
    expect(withHost(once, 'forum.example.org', true)).toEqual(['a.example', 'forum.example.org']);
    expect(withHost(once, 'forum.example.org', false)).toEqual(['a.example']);
  });
});
