import { useEffect, useState } from 'react';

/** The current time, refreshed every `ms` while `active` (elapsed clocks, retry countdowns). */
export function useNow(active: boolean, ms = 500): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!active) return;
    const timer = setInterval(() => setNow(Date.now()), ms);
    return () => clearInterval(timer);
  }, [active, ms]);
  return now;
}
