import { useState } from 'react';
import { Button, Paragraph } from 'suomifi-ui-components';
import { BehindButton } from '../../../components/BehindButton.tsx';
import { DateField, TextAreaField } from '../../../components/Fields.tsx';
import { ProblemNotice } from '../../../components/Notices.tsx';
import { Section } from '../../../components/Section.tsx';
import { formatDate } from '../../../format.ts';
import { useI18n } from '../../../i18n/I18nProvider.tsx';
import { useMe } from '../../../session.tsx';
import { helsinkiToday } from '../../access-log/access-log.ts';
import { dateValue } from '../../billing/customer/billing-format.ts';
import { type Loaded } from '../../billing/customer/customer-list.tsx';
import { StepForm } from '../../../components/StepForm.tsx';
import { useCall, useSend } from '../../../data.ts';
import { erasureApi } from '../../../../contract/erasure/erasure.endpoints.ts';
import type { LegalHoldView } from '../../../../contract/erasure/erasure.schemas.ts';

/**
 * A person's legal holds (decision 0019): while one is in force the person's data cannot be
 * erased. The register officer places one with its reason, from a day and until a day (or until
 * released), and releases it.
 */
export function LegalHolds({
  personId,
  loaded,
  onChanged,
}: {
  personId: string;
  /** The person's page read them (decision 0007); a change then reloads the page too. */
  loaded?: Loaded<{ items: LegalHoldView[] }> | undefined;
  onChanged?: () => void;
}) {
  const { t } = useI18n();
  const me = useMe();
  // The page's copy when it read them; else the section reads them (and a change reads again).
  const read = useCall(erasureApi.holds, { params: { id: personId } }, { enabled: !loaded });
  const listError = loaded ? null : read.error;
  // A hold placed or released shows at once, before the page's new answer.
  const [changed, setChanged] = useState<{ version: number | undefined; holds: LegalHoldView[] }>();
  const holds =
    changed && changed.version === loaded?.version
      ? changed.holds
      : ((loaded?.data ?? read.data)?.items ?? null);
  const releasing = useSend(erasureApi.releaseHold, { invalidates: [erasureApi.holds] });
  const [saved, setSaved] = useState('');
  const replace = (hold: LegalHoldView) => {
    setChanged({
      version: loaded?.version,
      holds: [...(holds ?? []).filter((h) => h.id !== hold.id), hold],
    });
    onChanged?.();
  };
  const release = (hold: LegalHoldView) =>
    releasing.mutate(
      { params: { id: personId, holdId: hold.id }, body: {} },
      {
        onSuccess: (released) => {
          replace(released);
          setSaved(t('legalHolds.released'));
        },
      },
    );

  return (
    <Section title={t('legalHolds.title')}>
      <Paragraph mb="s">{t('legalHolds.intro')}</Paragraph>
      {holds !== null && holds.length === 0 && <Paragraph mb="s">{t('legalHolds.none')}</Paragraph>}
      {holds !== null && holds.length > 0 && (
        <ul className="plain-list">
          {holds.map((hold) => (
            <li key={hold.id}>
              {t('legalHolds.line', {
                reason: hold.reason,
                from: formatDate(hold.fromOn),
                until: hold.untilOn ? formatDate(hold.untilOn) : t('legalHolds.untilReleased'),
              })}{' '}
              <strong>
                {hold.active
                  ? t('legalHolds.active')
                  : hold.releasedAt
                    ? t('legalHolds.releasedOn', { date: formatDate(hold.releasedAt) })
                    : t('legalHolds.notInForce')}
              </strong>{' '}
              {hold.active && me.can('requests.manage') && (
                <Button
                  variant="secondaryNoBorder"
                  disabled={releasing.isPending}
                  onClick={() => release(hold)}
                >
                  {t('legalHolds.release')}
                </Button>
              )}
            </li>
          ))}
        </ul>
      )}
      <div role="status">{saved}</div>
      {listError !== null && <ProblemNotice error={listError} />}
      {releasing.isError && <ProblemNotice error={releasing.error} />}
      {me.can('requests.manage') && (
        <BehindButton label={t('legalHolds.placeTitle')} cancel={t('common.cancel')}>
          {(close) => (
            <StepForm
              title={t('legalHolds.placeTitle')}
              endpoint={erasureApi.placeHold}
              invalidates={[erasureApi.holds]}
              initial={{ reason: '', fromOn: formatDate(helsinkiToday()), untilOn: '' }}
              dates={['fromOn', 'untilOn']}
              labels={{
                reason: t('legalHolds.reason'),
                fromOn: t('legalHolds.fromOn'),
                untilOn: t('legalHolds.untilOn'),
              }}
              submitText={t('legalHolds.place')}
              input={(values) => ({
                params: { id: personId },
                body: {
                  reason: (values.reason ?? '').trim(),
                  fromOn: dateValue(values, 'fromOn') ?? '',
                  untilOn: dateValue(values, 'untilOn') ?? null,
                },
              })}
              onDone={(hold) => {
                close(false);
                replace(hold);
                setSaved(t('legalHolds.placed'));
              }}
            >
              {(form) => (
                <>
                  <TextAreaField form={form} path="reason" label={t('legalHolds.reason')} />
                  <DateField form={form} path="fromOn" label={t('legalHolds.fromOn')} />
                  <DateField
                    form={form}
                    path="untilOn"
                    label={t('legalHolds.untilOn')}
                    hint={t('legalHolds.untilOnHint')}
                  />
                </>
              )}
            </StepForm>
          )}
        </BehindButton>
      )}
    </Section>
  );
}
