import { formatDateTime } from '../format.ts';
import { useI18n } from '../i18n/I18nProvider.tsx';

export function RecordDates({ createdAt, updatedAt }: { createdAt: string; updatedAt: string }) {
  const { t } = useI18n();
  return (
    <p className="record__dates">
      {t('common.created', { date: formatDateTime(createdAt) })}
      {updatedAt !== createdAt && ` · ${t('common.updated', { date: formatDateTime(updatedAt) })}`}
    </p>
  );
}
