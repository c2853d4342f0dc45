import { z } from 'zod';

/**
 * zod, set never to compile validators with `new Function`: extension pages forbid eval, and
 * zod's probe for it is what a strict policy reports as a violation (Firefox logs it).
 */
z.config({ jitless: true });

export { z };
