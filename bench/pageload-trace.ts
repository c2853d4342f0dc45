import type { CDPSession } from 'playwright-core';

/**
 * Which of the renderer's tasks ran Threadside's code, from a DevTools trace of the visit
 * and a CPU profile taken alongside it. The longtask API cannot tell an extension's work
 * from the page's: a forum's own task that lays out a chunk of posts counts as long with or
 * without Threadside. The trace gives each task of the page's main thread its start and
 * end; the profile's samples whose stack holds an extension frame (chrome-extension://…)
 * are Threadside's, and each counts for the task it fell in. Samples, not the trace's own
 * script events, because a MutationObserver's callback runs in the microtask checkpoint
 * of the forum's task and the trace names no script for it; the reading of the stream as
 * the forum adds posts runs there.
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
  /** The page's longest task by the trace, in ms (0 untraced); the page's own work included. */
  longestTaskMs: number;
  /** The most Threadside code ran in one task, in ms: the part of a task that is ours. */
  longestOwnMs: number;
  /** The whole of that task (the page's part included), in ms. */
  longestOwnTaskMs: number;
  /** Tasks with more than `overMs` of Threadside code. */
  over: number;
  /** All of Threadside's code over the visit, in ms: its own work, without what it makes the page redo. */
  ownTotalMs: number;
  /** The renderer main thread's time by kind of work (style, layout, paint, script, GC), in ms. */
  work: Record<string, number>;
  /** Our functions that ran longest in that task (innermost of ours, ms): where to look first. */
  longestWhere: string;
  /** Our functions that ran longest over the whole visit, and the trace's compiling and evaluating of our scripts. */
  overallWhere: string;
  /** Our samples over the visit by entry point (the outermost of our frames), ms. */
  byEntry: string;
}

/**
 * Kinds of the main thread's work, by the trace's event names: what Threadside makes the
 * page redo (style and layout of the underlined text, paint) shows here, not in its code.
 */
const WORK_KINDS: Record<string, string> = {
  UpdateLayoutTree: 'style',
  Layout: 'layout',
  PrePaint: 'paint',
  Paint: 'paint',
  Layerize: 'paint',
  'Document::updateStyleAndLayout': 'forced',
  EvaluateScript: 'script',
  FunctionCall: 'script',
  TimerFire: 'script',
  FireIdleCallback: 'script',
  EventDispatch: 'script',
  'v8.compile': 'compile',
  MinorGC: 'gc',
  MajorGC: 'gc',
  ParseHTML: 'parse',
};

const CATEGORIES = ['toplevel', 'devtools.timeline'];
const TASK_EVENTS = new Set(['ThreadControllerImpl::RunTask', 'RunTask']);
/** The trace's own record of scripts run, with their address: it sees compiling, which samples do not. */
const SCRIPT_EVENTS = new Set(['EvaluateScript', 'FunctionCall', 'TimerFire', 'FireIdleCallback', 'v8.compile']);
const isOurs = (e: TraceEvent) => {
  const d = e.args?.data;
  const url = d && (d.url ?? d.scriptName ?? (d.stackTrace as { url?: string }[] | undefined)?.[0]?.url);
  return typeof url === 'string' && url.startsWith('chrome-extension://');
};
/** µs between samples: fine enough for tasks of a few ms, cheap enough on both sides alike. */
const SAMPLE_US = 250;

interface ProfileNode {
  id: number;
  callFrame: { url: string; functionName?: string; lineNumber?: number; columnNumber?: number };
  children?: number[];
}
interface Profile {
  nodes: ProfileNode[];
  startTime: number;
  samples?: number[];
  timeDeltas?: number[];
}

/**
 * A trace (tasks, and the scripts run in each), a CPU profile (where the time in Threadside's
 * code went), or both. Each distorts what the other measures, so a visit takes one:
 * - `traced` alone: the longest run of Threadside's code in a task. The profiler, sampling
 *   every 250 µs, doubles a script's first evaluation (the content script's: median 20 ms
 *   with the trace alone, 42 ms with the profiler too, 6 fresh browsers each), so tasks are
 *   timed without it.
 * - `profiled` alone: Threadside's code in all. The trace records every call into a script
 *   and every timer set (about 0.2 ms each for Threadside's timers, where they cost
 *   microseconds untraced), so its figures for Threadside's code run high; the samples give
 *   the closer total, but no tasks (nor compiling, which samples do not see).
 */
export async function startTrace(session: CDPSession, { traced = true, profiled = true } = {}) {
  const events: TraceEvent[] = [];
  session.on('Tracing.dataCollected', (d) => events.push(...(d.value as unknown as TraceEvent[])));
  if (profiled) {
    await session.send('Profiler.enable');
    await session.send('Profiler.setSamplingInterval', { interval: SAMPLE_US });
    await session.send('Profiler.start');
  }
  if (traced)
    await session.send('Tracing.start', {
      traceConfig: { includedCategories: CATEGORIES },
      transferMode: 'ReportEvents',
    });
  return async function stop(overMs: number): Promise<ThreadsideTasks> {
    if (traced) {
      const done = new Promise((r) => session.once('Tracing.tracingComplete', r));
      await session.send('Tracing.end');
      await done;
    }
    const samples = profiled ? ownSamples((await session.send('Profiler.stop')).profile) : [];
    return threadsideTasks(events, samples, overMs);
  };
}

interface OwnSample {
  ts: number;
  us: number;
  /** The innermost of our frames: where our time went, not the page's function it called. */
  where: string;
  /** The outermost: which of our entry points (a listener, a timer, the script's start) it was part of. */
  entry: string;
}

/** Each sample in Threadside's code: when (µs, the trace's clock), for how long, and in which of its functions. */
function ownSamples(profile: Profile): OwnSample[] {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const ours = new Map<number, boolean>();
  const isOursNode = (id: number): boolean => {
    const known = ours.get(id);
    if (known !== undefined) return known;
    const up = parent.get(id);
    const v = byId.get(id)!.callFrame.url.startsWith('chrome-extension://') || (up !== undefined && isOursNode(up));
    ours.set(id, v);
    return v;
  };
  const name = (f: ProfileNode['callFrame']) =>
    `${f.functionName || '(anonymous)'}@${f.url.split('/').pop()}:${(f.lineNumber ?? 0) + 1}:${f.columnNumber ?? 0}`;
  const ownFrames = (id: number): { inner: string; outer: string } => {
    let inner = '';
    let outer = '?';
    for (let n: number | undefined = id; n !== undefined; n = parent.get(n)) {
      const f = byId.get(n)!.callFrame;
      if (!f.url.startsWith('chrome-extension://')) continue;
      outer = name(f);
      inner ||= outer;
    }
    return { inner: inner || '?', outer };
  };
  const out: OwnSample[] = [];
  const samples = profile.samples ?? [];
  const deltas = profile.timeDeltas ?? [];
  let t = profile.startTime;
  for (let i = 0; i < samples.length; i++) {
    t += deltas[i] ?? 0;
    // A sample stands for the time until the next one (a long gap is the thread asleep).
    if (isOursNode(samples[i])) {
      const { inner, outer } = ownFrames(samples[i]);
      out.push({ ts: t, us: Math.min(deltas[i + 1] ?? SAMPLE_US, 4 * SAMPLE_US), where: inner, entry: outer });
    }
  }
  return out;
}

function threadsideTasks(events: TraceEvent[], own: OwnSample[], overMs: number): ThreadsideTasks {
  // The page's main thread(s): the renderer threads named CrRendererMain.
  const mains = new Set(
    events
      .filter((e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain')
      .map((e) => `${e.pid}:${e.tid}`),
  );
  // Outermost tasks only (a nested run loop's tasks count with their parent), by start.
  const tasks = events
    .filter((e) => e.ph === 'X' && e.dur !== undefined && TASK_EVENTS.has(e.name) && mains.has(`${e.pid}:${e.tid}`))
    .sort((a, b) => a.ts - b.ts || b.dur! - a.dur!);
  const outer: TraceEvent[] = [];
  for (const task of tasks) {
    const last = outer[outer.length - 1];
    if (!last || task.ts >= last.ts + last.dur!) outer.push(task);
  }
  // What the trace's script events say ran of ours in each task (outermost events only).
  const traced = new Map<TraceEvent, number>();
  const tracedKinds = new Map<TraceEvent, Map<string, number>>();
  const scripts = events
    .filter((e) => e.ph === 'X' && e.dur !== undefined && SCRIPT_EVENTS.has(e.name) && mains.has(`${e.pid}:${e.tid}`))
    .sort((a, b) => a.ts - b.ts || b.dur! - a.dur!);
  const ownTraced: TraceEvent[] = [];
  let j = 0;
  let ownEnd = 0;
  for (const e of scripts) {
    while (j < outer.length && outer[j].ts + outer[j].dur! < e.ts) j++;
    const task = outer[j];
    if (!task || task.ts > e.ts || e.ts < ownEnd || !isOurs(e)) continue;
    traced.set(task, (traced.get(task) ?? 0) + e.dur!);
    const kinds = tracedKinds.get(task) ?? new Map<string, number>();
    kinds.set(e.name, (kinds.get(e.name) ?? 0) + e.dur!);
    tracedKinds.set(task, kinds);
    ownTraced.push(e);
    ownEnd = e.ts + e.dur!;
  }
  const sampled = new Map<TraceEvent, number>();
  const whereIn = new Map<TraceEvent, Map<string, number>>();
  let k = 0;
  let outside = 0;
  for (const sample of [...own].sort((a, b) => a.ts - b.ts)) {
    while (k < outer.length && outer[k].ts + outer[k].dur! < sample.ts) k++;
    const task = outer[k];
    if (task && task.ts <= sample.ts) {
      sampled.set(task, (sampled.get(task) ?? 0) + sample.us);
      const w = whereIn.get(task) ?? new Map<string, number>();
      w.set(sample.where, (w.get(sample.where) ?? 0) + sample.us);
      whereIn.set(task, w);
    } else outside += sample.us;
  }
  // Each measure misses some of ours (samples: compiling; the trace: observers' callbacks,
  // which run in the forum's task): the larger of the two stands for the task.
  const perTask = new Map<TraceEvent, number>();
  for (const task of new Set([...traced.keys(), ...sampled.keys()]))
    perTask.set(task, Math.max(traced.get(task) ?? 0, sampled.get(task) ?? 0));
  const result: ThreadsideTasks = {
    tasks: 0,
    longestTaskMs: Math.max(0, ...outer.map((t) => t.dur! / 1000)),
    longestOwnMs: 0,
    longestOwnTaskMs: 0,
    over: 0,
    ownTotalMs: outside / 1000,
    work: workByKind(events, mains),
    longestWhere: '',
    overallWhere: overallWhere(own, ownTraced),
    byEntry: byEntry(own),
  };
  for (const [task, us] of perTask) {
    result.ownTotalMs += us / 1000;
    result.tasks++;
    const ms = us / 1000;
    if (ms > overMs) result.over++;
    if (ms > result.longestOwnMs) {
      result.longestOwnMs = ms;
      result.longestOwnTaskMs = task.dur! / 1000;
      result.longestWhere = [...(whereIn.get(task) ?? [])]
        .sort((a, b) => b[1] - a[1])
        .slice(0, 6)
        .map(([w, us]) => `${w} ${(us / 1000).toFixed(1)}`)
        .join(', ');
      // The trace's own events for it: compiling and evaluating a script, which samples miss.
      const kinds = [...(tracedKinds.get(task) ?? [])].map(([k, us]) => `${k} ${(us / 1000).toFixed(1)}`);
      if (kinds.length) result.longestWhere = `traced: ${kinds.join(', ')}; sampled: ${result.longestWhere}`;
    }
  }
  return result;
}

/**
 * Where all of our time went: the trace's script events of ours by kind and function (what
 * each callback cost, the layout it forced included), and the samples by innermost function.
 */
function overallWhere(own: { us: number; where: string }[], traced: TraceEvent[]): string {
  const byWhere = new Map<string, number>();
  let sampledUs = 0;
  for (const s of own) {
    byWhere.set(s.where, (byWhere.get(s.where) ?? 0) + s.us);
    sampledUs += s.us;
  }
  const byEvent = new Map<string, number>();
  const calls = new Map<string, number>();
  for (const e of traced) {
    const d = e.args?.data as { functionName?: string; lineNumber?: number; columnNumber?: number } | undefined;
    const key =
      d?.functionName !== undefined
        ? `${e.name} ${d.functionName || '(anonymous)'}:${d.lineNumber ?? 0}:${d.columnNumber ?? 0}`
        : e.name;
    byEvent.set(key, (byEvent.get(key) ?? 0) + e.dur!);
    calls.set(key, (calls.get(key) ?? 0) + 1);
  }
  // How many calls, for the traced: a callback's cost is mostly its count (each call into
  // the extension's world, and each traced event, has a cost of its own).
  const fmt = (m: Map<string, number>, n: number) =>
    [...m]
      .sort((a, b) => b[1] - a[1])
      .slice(0, n)
      .map(([w, us]) => `${w} ${(us / 1000).toFixed(0)}${calls.has(w) ? ` (${calls.get(w)}×)` : ''}`)
      .join(', ');
  return `traced: ${fmt(byEvent, 8)}; sampled ${(sampledUs / 1000).toFixed(0)} in all: ${fmt(byWhere, 10)}`;
}

function byEntry(own: OwnSample[]): string {
  const us = new Map<string, number>();
  for (const s of own) us.set(s.entry, (us.get(s.entry) ?? 0) + s.us);
  return [...us]
    .sort((a, b) => b[1] - a[1])
    .slice(0, 12)
    .map(([w, t]) => `${w} ${(t / 1000).toFixed(1)}`)
    .join(', ');
}

/** Main-thread time by kind, outermost events of each kind only (script nests in script). */
function workByKind(events: TraceEvent[], mains: Set<string>): Record<string, number> {
  const work: Record<string, number> = {};
  const endOf = new Map<string, number>();
  const timed = events
    .filter((e) => e.ph === 'X' && e.dur !== undefined && WORK_KINDS[e.name] && mains.has(`${e.pid}:${e.tid}`))
    .sort((a, b) => a.ts - b.ts || b.dur! - a.dur!);
  for (const e of timed) {
    const kind = WORK_KINDS[e.name];
    if (e.ts < (endOf.get(kind) ?? 0)) continue;
    endOf.set(kind, e.ts + e.dur!);
    work[kind] = (work[kind] ?? 0) + e.dur! / 1000;
  }
  return work;
}
