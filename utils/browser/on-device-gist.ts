/**
 * The browser's own on-device summariser (Chrome's built-in Summarizer API), where there is
 * one: feature-detected in Threadside's own script world, so a page cannot stand in for it.
 * Nothing is sent anywhere; the model runs on this computer. Other browsers have none, and
 * the gist is simply not offered there.
 */
export type Availability = 'unavailable' | 'downloadable' | 'downloading' | 'available';

export interface OnDeviceSummarizer {
  availability(options: object): Promise<Availability>;
  create(options: object): Promise<{ summarize(text: string, options?: object): Promise<string>; destroy?(): void }>;
}

const OPTIONS = {
  type: 'tldr',
  format: 'plain-text',
  length: 'short',
  expectedInputLanguages: ['en'],
  outputLanguage: 'en',
  sharedContext: 'Key points picked from a UK patient and carer support forum thread about blood cancer.',
};

export function onDeviceSummarizer(world: object = globalThis): OnDeviceSummarizer | null {
  const s = (world as { Summarizer?: Partial<OnDeviceSummarizer> }).Summarizer;
  return s && typeof s.availability === 'function' && typeof s.create === 'function' ? (s as OnDeviceSummarizer) : null;
}

/** Whether a gist can be offered: the model is there, or can be fetched by the browser on the reader's click. */
export async function canWriteGist(s: OnDeviceSummarizer): Promise<boolean> {
  try {
    return (await s.availability(OPTIONS)) !== 'unavailable';
  } catch {
    return false;
  }
}

/** Called from the reader's click: a model not yet on this computer may only be fetched then. */
export async function writeGist(s: OnDeviceSummarizer, source: string): Promise<string> {
  const model = await s.create(OPTIONS);
  try {
    return await model.summarize(source, {
      context: 'Write two or three plain sentences. Use only what these points say.',
    });
  } finally {
    model.destroy?.();
  }
}
