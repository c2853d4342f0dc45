import type { CDPSession } from 'playwright-core';

/**
 * Which of the renderer's tasks ran Threadside's code, from a DevTools trace of the visit.
 * The longtask API cannot tell an extension's work from the page's: a forum's own task that
 * lays out a chunk of posts counts as long with or without Threadside. Here each task of the
 * page's main thread is matched with the script evaluations and function calls inside it
 * that belong to the extension (their script address is chrome-extension://…).
 */
interface TraceEvent {
  name: string;
  ph: string;
  ts: number;
  dur?: number;
  pid: number;
  tid: number;
  args?: { name?: string; data?: Record<string, unknown> };
}

export interface ThreadsideTasks {
  /** Tasks in which any Threadside code ran. */
  tasks: number;
  /** The most Threadside code ran in one task, in ms: the part of a task that is ours. */
  longestOwnMs: number;
  /** The whole of that task (the page's part included), in ms. */
  longestOwnTaskMs: number;
  /** Tasks with more than `overMs` of Threadside code. */
  over: number;
  /** All of Threadside's code over the visit, in ms: its own work, without what it makes the page redo. */
  ownTotalMs: number;
}

const CATEGORIES = ['toplevel', 'devtools.timeline'];
const TASK_EVENTS = new Set(['ThreadControllerImpl::RunTask', 'RunTask']);
const SCRIPT_EVENTS = new Set(['EvaluateScript', 'FunctionCall', 'TimerFire', 'FireIdleCallback', 'v8.compile']);

export async function startTrace(session: CDPSession) {
  const events: TraceEvent[] = [];
  session.on('Tracing.dataCollected', (d) => events.push(...(d.value as unknown as TraceEvent[])));
  await session.send('Tracing.start', {
    traceConfig: { includedCategories: CATEGORIES },
    transferMode: 'ReportEvents',
  });
  return async function stop(overMs: number): Promise<ThreadsideTasks> {
    const done = new Promise((r) => session.once('Tracing.tracingComplete', r));
    await session.send('Tracing.end');
    await done;
    return threadsideTasks(events, overMs);
  };
}

const isOurs = (e: TraceEvent) => {
  const d = e.args?.data;
  const url = d && (d.url ?? d.scriptName ?? (d.stackTrace as { url?: string }[] | undefined)?.[0]?.url);
  return typeof url === 'string' && url.startsWith('chrome-extension://');
};

function threadsideTasks(events: TraceEvent[], overMs: number): ThreadsideTasks {
  // The page's main thread: the renderer thread with the most tasks.
  const mains = new Set(
    events
      .filter((e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain')
      .map((e) => `${e.pid}:${e.tid}`),
  );
  const perThread = new Map<string, TraceEvent[]>();
  for (const e of events) {
    const key = `${e.pid}:${e.tid}`;
    if (e.ph !== 'X' || e.dur === undefined || !mains.has(key)) continue;
    let list = perThread.get(key);
    if (!list) perThread.set(key, (list = []));
    list.push(e);
  }
  const result: ThreadsideTasks = { tasks: 0, longestOwnMs: 0, longestOwnTaskMs: 0, over: 0, ownTotalMs: 0 };
  for (const list of perThread.values()) {
    list.sort((a, b) => a.ts - b.ts || b.dur! - a.dur!);
    let task: TraceEvent | null = null;
    let own = 0;
    let ownEnd = 0;
    const close = () => {
      if (!task || own === 0) return;
      result.tasks++;
      const ms = own / 1000;
      result.ownTotalMs += ms;
      if (ms > overMs) result.over++;
      if (ms > result.longestOwnMs) {
        result.longestOwnMs = ms;
        result.longestOwnTaskMs = task.dur! / 1000;
      }
    };
    for (const e of list) {
      // The scheduler's task, outermost (a nested run loop's tasks count with their parent).
      if (TASK_EVENTS.has(e.name) && (!task || e.ts >= task.ts + task.dur!)) {
        close();
        task = e;
        own = 0;
        ownEnd = 0;
      } else if (task && e.ts < task.ts + task.dur! && SCRIPT_EVENTS.has(e.name) && e.ts >= ownEnd && isOurs(e)) {
        // Outermost only: a call inside one of ours is already counted.
        own += e.dur!;
        ownEnd = e.ts + e.dur!;
      }
    }
    close();
  }
  return result;
}
