// When a chart is drawn: at once when its panel is in or near the viewport, the others one at a
// time while the browser is idle, after the visible ones. Compiling a Vega-Lite spec and running
// its view costs tens of milliseconds per chart on a slow machine; a page of six charts drawn all
// at once kept its first viewport blank for most of a second (docs/performance.md). Every chart is
// still drawn without scrolling, so a reader who scrolls (or prints, or a test that reads every
// panel) finds them drawn; one scrolled into view before its turn is drawn next.

type Draw = () => Promise<void>;

interface Pending {
  draw: Draw;
  /** Only a live view behind a chart already shown: after every chart still blank. */
  behind: boolean;
  done: () => void;
  /** The drawing failed: the caller shows the error. */
  failed: (error: unknown) => void;
}

/** In the viewport: the first screen is drawn first, and nothing else competes with it. */
const NEAR = '0px';

const pending = new Map<Element, Pending>();
const near = new Set<Element>();
let running = 0;
let idleScheduled = false;
let observer: IntersectionObserver | null = null;

function run(element: Element): void {
  const job = pending.get(element);
  if (!job) return;
  pending.delete(element);
  observer?.unobserve(element);
  running++;
  void job
    .draw()
    .then(job.done, job.failed)
    .finally(() => {
      running--;
      scheduleIdle();
    });
}

/** The next chart out of view, in page order, once nothing else is drawing and the browser is idle. */
function scheduleIdle(): void {
  if (idleScheduled || running > 0 || pending.size === 0) return;
  idleScheduled = true;
  const next = (): void => {
    idleScheduled = false;
    if (running > 0) return; // a visible one started meanwhile; it schedules again when done
    const inPageOrder = [...pending.keys()].sort((a, b) => (a.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1));
    const first = inPageOrder.find((element) => !pending.get(element)!.behind) ?? inPageOrder[0];
    if (first) run(first);
  };
  if ('requestIdleCallback' in window) requestIdleCallback(next, { timeout: 500 });
  else setTimeout(next, 50);
}

function watch(): IntersectionObserver {
  observer ??= new IntersectionObserver(
    (entries) => {
      for (const entry of entries) {
        if (entry.isIntersecting) near.add(entry.target);
        else near.delete(entry.target);
      }
      for (const entry of entries) if (entry.isIntersecting) run(entry.target);
      scheduleIdle();
    },
    { rootMargin: NEAR },
  );
  return observer;
}

/**
 * Starts watching where the element is, before it has anything to draw: when its data comes, it
 * is then known whether it is in view, and a chart in view is drawn at once instead of a frame
 * later, when the observer would first report it.
 */
export function watchPosition(element: Element): void {
  watch().observe(element);
}

/** Puts the drawing in the queue, replacing one the element had waiting (which resolves without drawing). */
function enqueue(element: Element, job: Pending): void {
  pending.get(element)?.done();
  pending.set(element, job);
}

/**
 * Draws when the element is near the viewport, or in its turn after the visible charts. A second
 * call for the same element (a new choice while the first waited) replaces the first, which
 * resolves without drawing. Resolves when drawn (or replaced, or cancelled); rejects with the
 * drawing's error.
 */
export function drawWhenShown(element: Element, draw: Draw): Promise<void> {
  return new Promise((resolve, reject) => {
    enqueue(element, { draw, behind: false, done: resolve, failed: reject });
    if (near.has(element)) run(element);
    else {
      // Not known to be in view: the observer runs it when it comes into view (a first report
      // is on the next frame), the idle queue in its turn otherwise.
      watch().observe(element);
      scheduleIdle();
    }
  });
}

/**
 * Draws when the browser is idle, after every chart still waiting to be shown: for a chart that
 * is already shown (from the tab's copy, ui/chart-snapshot.ts) and only needs its live view.
 */
export function drawBehind(element: Element, draw: Draw): Promise<void> {
  return new Promise((resolve, reject) => {
    enqueue(element, { draw, behind: true, done: resolve, failed: reject });
    scheduleIdle();
  });
}

/** Forgets the charts not yet drawn (the page is left). */
export function cancelPendingDraws(): void {
  for (const job of pending.values()) job.done();
  pending.clear();
  near.clear();
  observer?.disconnect();
  observer = null;
}
