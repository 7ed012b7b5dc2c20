import { formatDate } from '../../../format.ts';
import { useI18n } from '../../../i18n/I18nProvider.tsx';
import { CHANNEL_LABELS } from '../requests.ts';

/** A disclosure's recipient when it went to the data subject: "The person themself", and how. */
export function DataSubjectRecipient({
  disclosure,
}: {
  disclosure: { handOver: { channel: keyof typeof CHANNEL_LABELS; handedOverOn: string } | null };
}) {
  const { t } = useI18n();
  return (
    <>
      <div>{t('access.toDataSubject')}</div>
      {disclosure.handOver && (
        <div className="muted">
          {t('access.toDataSubjectVia', {
            channel: t(CHANNEL_LABELS[disclosure.handOver.channel]),
            date: formatDate(disclosure.handOver.handedOverOn),
          })}
        </div>
      )}
    </>
  );
}
