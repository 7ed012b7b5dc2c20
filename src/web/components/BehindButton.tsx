import { useRef, useState } from 'react';
import type { ReactNode } from 'react';
import { Button } from 'suomifi-ui-components';

/**
 * An action's form behind its button: the button opens the form in place of itself, and the form
 * closes it (saved or cancelled), giving the focus back to the button.
 */
export function BehindButton({
  label,
  cancel,
  children,
}: {
  label: string;
  /** A cancel button's text, for a form without one of its own. */
  cancel?: string;
  /**
   * The open form; `close` hides it again, and gives the focus back to the button unless told
   * not to (after saving, a status line saying what was done takes it).
   */
  children: (close: (focusButton?: boolean) => void) => ReactNode;
}) {
  const [open, setOpen] = useState(false);
  const opener = useRef<HTMLButtonElement>(null);
  if (!open) {
    return (
      <Button variant="secondary" ref={opener} aria-expanded={false} onClick={() => setOpen(true)}>
        {label}
      </Button>
    );
  }
  const close = (focusButton = true) => {
    setOpen(false);
    if (focusButton) requestAnimationFrame(() => opener.current?.focus());
  };
  return (
    <div className="behind-button">
      {children(close)}
      {cancel && (
        <Button variant="secondary" onClick={() => close()}>
          {cancel}
        </Button>
      )}
    </div>
  );
}
