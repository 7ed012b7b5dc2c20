import { InlineAlert } from 'suomifi-ui-components';
import { useI18n } from '../../i18n/I18nProvider.tsx';

/**
 * Whether a record came without some of its fields: a contractor's contract did not open them
 * (the server leaves them out; a field that is merely empty is null).
 */
export function partlyWithheld<T extends object>(record: T, fields: readonly (keyof T)[]): boolean {
  return fields.some((field) => record[field] === undefined);
}

/** On a record's page for a contractor: only what the contract covers is shown. */
export function ContractNotice() {
  const { t } = useI18n();
  return (
    <InlineAlert className="notice" labelText={t('partners.contractNoticeTitle')}>
      {t('partners.contractNoticeText')}
    </InlineAlert>
  );
}
