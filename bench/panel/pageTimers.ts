/*
 * The timers bench/panel.ts puts into the panel's page (Chromium) ahead of its own script
 * (dist/webview/panel.js), and the acquireVsCodeApi stand-in that page needs. `installPageTimers` is serialised into the
 * page by Playwright, so it may use nothing from outside its own body.
 *
 * "Painted" = a zero-delay timer set from a requestAnimationFrame callback: it runs once that
 * frame's style, layout and paint are done. The frame after an event is watched from a
 * callback registered before the page's script handles the event, so that callback runs before any of
 * the page's own frame callbacks, and its timer before any timer they set.
 */

/** One render of a task, in ms from the page's 'message' event. */
export interface RenderSample {
  /** The page's message handler has returned (the page and the first rows are in the DOM). */
  firstInDom: number;
  /** The first frame after the message is painted. */
  firstPainted: number;
  rowsAtFirstPaint: number;
  /** Whether the rows in that frame fill the part of the error table that is on screen. */
  screenfulAtFirstPaint: boolean;
  /** The last error row is in the DOM. */
  allInDom: number;
  /** The frame after that is painted. */
  allPainted: number;
}

/** One key typed into the filter box, in ms from its keydown. */
export interface KeySample {
  /** The page's input handler has returned. */
  updated: number;
  /** The first frame after the key is painted. */
  painted: number;
  /** Whether that frame shows the matching rows that fit on screen. */
  screenful: boolean;
  allInDom: number;
  allPainted: number;
  /** Rows in the table once complete. */
  matches: number;
}

/** What the page exposes to the bench. */
export interface PageTimers {
  /** Messages the page sent to the host, as acquireVsCodeApi().postMessage received them. */
  sent: unknown[];
  bench: {
    /** Posts a host message to the page and resolves once all its rows are painted. */
    render(message: unknown): Promise<RenderSample>;
    /** The sample of the last key pressed in the filter box, once its rows are painted. */
    lastKey: Promise<KeySample>;
  };
}

export function installPageTimers(): void {
  const w = window as unknown as PageTimers & { acquireVsCodeApi: () => unknown };
  w.sent = [];
  let acquired = false;
  let state: unknown;
  // What VS Code's does: one instance per page, messages go to the host, state is kept as JSON.
  w.acquireVsCodeApi = () => {
    if (acquired) throw new Error('An instance of the VS Code API has already been acquired');
    acquired = true;
    return Object.freeze({
      postMessage: (message: unknown) => void w.sent.push(message),
      getState: () => state,
      setState: (next: unknown) => {
        state = JSON.parse(JSON.stringify(next));
        return next;
      },
    });
  };

  const now = () => performance.now();
  const body = () => document.getElementById('errors-body');
  const rows = () => body()?.children.length ?? 0;
  const complete = () => body()?.getAttribute('data-complete') === 'true';
  const screenfulShown = () => {
    const table = document.getElementById('errors-table');
    const last = body()?.lastElementChild;
    if (!table || !last) return false;
    return complete() || last.getBoundingClientRect().bottom >= Math.min(table.getBoundingClientRect().bottom, window.innerHeight);
  };
  /** When the next frame is painted, and what it shows. */
  const nextFrame = () => new Promise<{ painted: number; rows: number; screenful: boolean }>((resolve) =>
    requestAnimationFrame(() => setTimeout(() => resolve({ painted: now(), rows: rows(), screenful: screenfulShown() }), 0)));
  /**
   * When every matching row is in the DOM, and when the frame after that is painted. Were the
   * last rows added inside a frame callback, `painted` would come out one frame late, never early.
   */
  const whenComplete = () => new Promise<{ inDom: number; painted: number }>((resolve) => {
    const finish = () => {
      const inDom = now();
      void nextFrame().then(({ painted }) => resolve({ inDom, painted }));
    };
    if (complete()) return finish();
    const observer = new MutationObserver(() => {
      if (!complete()) return;
      observer.disconnect();
      finish();
    });
    observer.observe(document.body, { subtree: true, attributes: true, attributeFilter: ['data-complete'] });
  });

  type Pending<T> = { started: number; firstFrame: ReturnType<typeof nextFrame>; done: (sample: T) => void };
  let renderDone: ((sample: RenderSample) => void) | undefined;
  let render: Pending<RenderSample> | undefined;
  let key: Pending<KeySample> | undefined;

  // Registered before the page script's listeners, so these run first: the moment the task or key arrives.
  window.addEventListener('message', (event) => {
    const started = now(); // Before event.data is read: decoding the message counts.
    if ((event.data as { type?: string })?.type !== 'task' || !renderDone) return;
    render = { started, firstFrame: nextFrame(), done: renderDone };
    renderDone = undefined;
  });
  window.addEventListener('keydown', (event) => {
    if ((event.target as Element | null)?.id !== 'errors-filter') return;
    const started = now();
    const firstFrame = nextFrame();
    w.bench.lastKey = new Promise((resolve) => (key = { started, firstFrame, done: resolve }));
  }, true);

  w.bench = {
    render: (message) => new Promise<RenderSample>((resolve) => {
      renderDone = resolve;
      window.postMessage(message, '*');
    }),
    lastKey: Promise.reject(new Error('no key pressed in the filter box yet')),
  };
  w.bench.lastKey.catch(() => undefined);

  document.addEventListener('DOMContentLoaded', () => {
    // VS Code sets the theme's fonts on every webview; laying out text is most of the work.
    const style = document.documentElement.style;
    style.setProperty('--vscode-font-family', 'system-ui, sans-serif');
    style.setProperty('--vscode-font-size', '13px');
    style.setProperty('--vscode-editor-font-family', 'monospace');
    style.setProperty('--vscode-editor-font-size', '13px');

    // Registered after the page script's listeners (its script has run by now), so these run once it
    // has handled the event.
    window.addEventListener('message', () => {
      if (!render) return;
      const { started, firstFrame, done } = render;
      render = undefined;
      const firstInDom = now() - started;
      void Promise.all([firstFrame, whenComplete()]).then(([first, all]) => done({
        firstInDom,
        firstPainted: first.painted - started,
        rowsAtFirstPaint: first.rows,
        screenfulAtFirstPaint: first.screenful,
        allInDom: all.inDom - started,
        allPainted: all.painted - started,
      }));
    });
    document.addEventListener('input', (event) => {
      if ((event.target as Element | null)?.id !== 'errors-filter' || !key) return;
      const { started, firstFrame, done } = key;
      key = undefined;
      const updated = now() - started;
      void Promise.all([firstFrame, whenComplete()]).then(([first, all]) => done({
        updated,
        painted: first.painted - started,
        screenful: first.screenful,
        allInDom: all.inDom - started,
        allPainted: all.painted - started,
        matches: rows(),
      }));
    });
  });
}
