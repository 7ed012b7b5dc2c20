import { InlineAlert } from 'suomifi-ui-components';
import { ApiError } from '../../client.ts';
import { ProblemNotice } from '../../components/Notices.tsx';
import { useI18n } from '../../i18n/I18nProvider.tsx';

/**
 * Why a client's data could not be read or saved. A refusal that names no field of a form says
 * why in words where the server gave a code (a person whose data key was destroyed); any other
 * problem by its status.
 */
export function ClientProblem({ error }: { error: unknown }) {
  const { errorText } = useI18n();
  const coded =
    error instanceof ApiError ? error.problem.errors?.find((problem) => problem.code) : undefined;
  if (!coded) return <ProblemNotice error={error} />;
  return (
    <InlineAlert status="error" role="alert" className="notice">
      {errorText(coded)}
    </InlineAlert>
  );
}
