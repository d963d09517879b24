// The drawing order of ui/draw-queue.ts with the browser's parts replaced by fakes (the unit tests
// run without a DOM): charts in view at once, the others one at a time in page order when idle, a
// chart scrolled into view before its turn next, a second call replacing the first, cancel.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

let observed: Set<FakeElement>;
let report: (entries: Array<{ target: FakeElement; isIntersecting: boolean }>) => void;
let idle: Array<() => void>;

class FakeElement {
  constructor(readonly position: number) {}
  compareDocumentPosition(other: FakeElement): number {
    return other.position > this.position ? 4 : 2; // FOLLOWING : PRECEDING
  }
}

beforeEach(() => {
  observed = new Set();
  idle = [];
  const g = globalThis as Record<string, unknown>;
  g.Node = { DOCUMENT_POSITION_FOLLOWING: 4 };
  g.window = { requestIdleCallback: (f: () => void) => idle.push(f) };
  g.requestIdleCallback = (f: () => void) => idle.push(f);
  g.IntersectionObserver = class {
    constructor(callback: typeof report) {
      report = callback;
    }
    observe(e: FakeElement) {
      observed.add(e);
    }
    unobserve(e: FakeElement) {
      observed.delete(e);
    }
    disconnect() {
      observed.clear();
    }
  };
});

afterEach(async () => {
  (await import('../../src/ui/draw-queue')).cancelPendingDraws();
  for (const callback of idle.splice(0)) callback(); // as the browser would, with nothing left to draw
});

const flush = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('drawWhenShown', () => {
  it('draws the charts in view at once and the others one at a time, in page order, when idle', async () => {
    const { drawWhenShown } = await import('../../src/ui/draw-queue');
    const drawn: number[] = [];
    const panels = [0, 1, 2, 3].map((i) => new FakeElement(i));
    const done = [3, 0, 2, 1].map((i) => drawWhenShown(panels[i] as unknown as Element, async () => void drawn.push(i)));
    report(panels.map((p) => ({ target: p, isIntersecting: p.position === 0 })));
    await flush();
    expect(drawn).toEqual([0]);
    for (let turn = 0; turn < 3; turn++) {
      expect(idle.length).toBe(1); // one at a time: the next is asked for only when one is done
      idle.shift()!();
      await flush();
    }
    expect(drawn).toEqual([0, 1, 2, 3]);
    await Promise.all(done);
  });

  it('draws a chart scrolled into view before its turn next, and waits for drawing to end before the idle ones', async () => {
    const { drawWhenShown } = await import('../../src/ui/draw-queue');
    const drawn: number[] = [];
    const panels = [0, 1, 2].map((i) => new FakeElement(i));
    for (const p of panels) void drawWhenShown(p as unknown as Element, async () => void drawn.push(p.position));
    report(panels.map((p) => ({ target: p, isIntersecting: false })));
    report([{ target: panels[2]!, isIntersecting: true }]);
    await flush();
    expect(drawn).toEqual([2]);
    idle.shift()!();
    await flush();
    expect(drawn).toEqual([2, 0]);
  });

  it('a second call for the same chart replaces the first, which ends without drawing; cancel ends all', async () => {
    const { cancelPendingDraws, drawWhenShown } = await import('../../src/ui/draw-queue');
    const drawn: string[] = [];
    const panel = new FakeElement(0) as unknown as Element;
    const first = drawWhenShown(panel, async () => void drawn.push('first'));
    const second = drawWhenShown(panel, async () => void drawn.push('second'));
    await first;
    expect(drawn).toEqual([]);
    report([{ target: panel as unknown as FakeElement, isIntersecting: true }]);
    await second;
    expect(drawn).toEqual(['second']);
    const other = drawWhenShown(new FakeElement(1) as unknown as Element, async () => void drawn.push('other'));
    cancelPendingDraws();
    await other;
    expect(drawn).toEqual(['second']);
    expect(observed.size).toBe(0);
  });

  it('passes a failed drawing on to the caller (the panel shows the error), and goes on with the next', async () => {
    const { drawWhenShown } = await import('../../src/ui/draw-queue');
    const drawn: number[] = [];
    const [a, b] = [new FakeElement(0), new FakeElement(1)];
    const failing = drawWhenShown(a as unknown as Element, async () => {
      throw new Error('Vega niet geladen');
    });
    const next = drawWhenShown(b as unknown as Element, async () => void drawn.push(1));
    report([
      { target: a, isIntersecting: true },
      { target: b, isIntersecting: false },
    ]);
    await expect(failing).rejects.toThrow('Vega niet geladen');
    await flush();
    idle.shift()!();
    await next;
    expect(drawn).toEqual([1]);
  });
});
