import { useEffect, useRef, useState } from 'react';
import type { ReactNode } from 'react';

/**
 * A page's status line: what the last change did. It takes the focus when it says something, so
 * that a screen reader reads it and the keyboard goes on from there; `say(null)` empties it.
 */
export function useStatusMessage(className: string): [ReactNode, (text: string | null) => void] {
  const [message, setMessage] = useState<string | null>(null);
  const line = useRef<HTMLParagraphElement>(null);
  useEffect(() => {
    if (message) line.current?.focus();
  }, [message]);
  return [
    <p className={className} role="status" tabIndex={-1} ref={line} key="status">
      {message}
    </p>,
    setMessage,
  ];
}
