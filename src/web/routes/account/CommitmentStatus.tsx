import type { Answer } from '../../../contract/endpoint.ts';
import type { accountApi } from '../../../contract/auth/auth.endpoints.ts';
import { formatDate, formatDateTime } from '../../format.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';

/** Whether and how the user signed the current commitment text, in one sentence. */
export function CommitmentStatus({
  commitment,
}: {
  commitment: Answer<typeof accountApi.commitment>;
}) {
  const { t } = useI18n();
  const { signature, previousSignature } = commitment;
  if (signature?.method === 'app') {
    return t('account.commitment.signedApp', {
      version: signature.version,
      date: formatDateTime(signature.signedAt),
    });
  }
  if (signature) {
    return t('account.commitment.signedPaper', {
      version: signature.version,
      date: formatDate(signature.paperSignedOn ?? signature.signedAt),
      place: signature.paperKeptAt ?? '–',
    });
  }
  if (previousSignature) {
    return t('account.commitment.newVersion', { version: previousSignature.version });
  }
  return t('account.commitment.unsigned', { version: commitment.version });
}
