// Shows its children only once the page has been drawn: loading them (a lazy chunk) then no longer delays the
// content the moderator came for. Until then the placeholder keeps their place, so nothing moves.
import { useEffect, useState, type ReactNode } from 'react';

export function AfterFirstPaint({ placeholder, children }: { placeholder: ReactNode; children: ReactNode }) {
  const [drawn, setDrawn] = useState(false);
  useEffect(() => {
    const frame = requestAnimationFrame(() => setDrawn(true));
    return () => cancelAnimationFrame(frame);
  }, []);
  return drawn ? children : placeholder;
}
