/** A fixed week around now, so shift times look real without depending on a clock. */
export function shiftWindow(): { start: string; end: string } {
  const now = Date.now();
  const day = 24 * 60 * 60 * 1000;
  return { start: new Date(now - 2 * day).toISOString(), end: new Date(now + 5 * day).toISOString() };
}
