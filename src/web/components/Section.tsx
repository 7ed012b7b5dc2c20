import { useId } from 'react';
import type { ReactNode } from 'react';
import { Heading } from 'suomifi-ui-components';

/** A titled panel of a page; the heading names the region for assistive technology. */
export function Section({
  title,
  children,
  className,
  actions,
}: {
  title: string;
  children: ReactNode;
  className?: string;
  actions?: ReactNode;
}) {
  const id = useId();
  return (
    <section className={`panel ${className ?? ''}`} aria-labelledby={id}>
      <div className="panel__head">
        <Heading variant="h2" id={id} className="panel__title">
          {title}
        </Heading>
        {actions}
      </div>
      {children}
    </section>
  );
}
