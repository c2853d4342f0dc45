/** The address of post `n` of the thread at `threadUrl` (Discourse's form: the thread, then the number). */
export const postUrl = (threadUrl: string, n: number) => `${threadUrl.replace(/\/$/, '')}/${n}`;
