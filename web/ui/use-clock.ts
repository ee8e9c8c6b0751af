import { useEffect, useState } from 'react';

/**
 * The current time (epoch ms), updated on every whole `periodMs` (a second by default) so a
 * shown clock ticks evenly; slower periods pace work that only needs to move on now and then.
 */
export function useClock(periodMs = 1_000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout>;
    const schedule = () => {
      timer = setTimeout(tick, periodMs - (Date.now() % periodMs));
    };
    const tick = () => {
      setNow(Date.now());
      schedule();
    };
    schedule();
    return () => clearTimeout(timer);
  }, [periodMs]);
  return now;
}
