import { useEffect, useRef, useState } from 'react';
import { Link } from 'react-router';
import { ErrorSummary, InlineAlert, RouterLink } from 'suomifi-ui-components';
import type { FieldProblem } from '../api.ts';
import { useI18n } from '../i18n/I18nProvider.tsx';
import { fieldId, type FieldErrors } from './form.ts';

/** The input nearest to a field path: `organizations.0.organizationId` → the organisations group. */
function nearestInputId(path: string): string {
  const parts = path.split('.');
  while (parts.length > 0) {
    const id = fieldId(parts.join('.'));
    if (document.getElementById(id)) return id;
    parts.pop();
  }
  return 'main';
}

/**
 * The errors of a sent form, each linking to its field (WCAG 3.3.1). It takes the focus when
 * it appears (`attempt` counts the sends), so the user hears what to fix.
 */
export function FormErrorSummary({
  errors,
  attempt,
  labelFor,
}: {
  errors: FieldErrors;
  attempt: number;
  labelFor: (path: string) => string;
}) {
  const { t, errorText } = useI18n();
  const heading = useRef<HTMLHeadingElement>(null);
  // The summary lists the errors of the last send until the next one: fixing a field does not
  // shrink it, so the page below it (the send button) stays where the user is about to click.
  const [shown, setShown] = useState({ attempt, problems: Object.values(errors) });
  if (shown.attempt !== attempt) setShown({ attempt, problems: Object.values(errors) });
  const problems: FieldProblem[] = shown.attempt === attempt ? shown.problems : [];
  const visible = problems.length > 0 && attempt > 0;

  useEffect(() => {
    if (attempt > 0) heading.current?.focus();
  }, [attempt]);

  if (!visible) return null;
  return (
    <ErrorSummary
      className="notice"
      headingText={t('form.errorSummary', { count: problems.length })}
      headingVariant="h2"
      headingRef={heading}
      items={problems.map((problem) => ({
        text: `${labelFor(problem.field)}: ${errorText(problem)}`,
        inputId: nearestInputId(problem.field),
      }))}
    />
  );
}

/** A 409 on a duplicate identity code or business ID: the record that already has it. */
export function DuplicateNotice({ message, to }: { message: string; to: string }) {
  const { t } = useI18n();
  return (
    <InlineAlert status="error" className="notice" role="alert">
      <p>{message}</p>
      <RouterLink asComponent={Link} to={to}>
        {t('form.openExisting')}
      </RouterLink>
    </InlineAlert>
  );
}

/** "Permanent address: Postal code" for an error on `permanentAddress.postalCode`. */
export function labelFromParts(path: string, labels: Record<string, string>): string {
  if (labels[path]) return labels[path];
  const parts = path.split('.');
  for (let split = parts.length - 1; split > 0; split--) {
    const group = labels[parts.slice(0, split).join('.')];
    const member = labels[parts.slice(split).join('.')] ?? labels[parts.at(-1) ?? ''];
    if (group && member) return `${group}: ${member}`;
    if (group) return group;
  }
  return path;
}
