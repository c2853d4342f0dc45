/** The host of an address, as a reader would name the site; the text itself if it is none. */
export function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
}
