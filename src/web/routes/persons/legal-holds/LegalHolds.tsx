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
import { useCustomerList, type Loaded } from '../../billing/customer/customer-list.tsx';
import { StepForm } from '../../requests/StepForm.tsx';
import { call } from '../../../client.ts';
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
  const list = useCustomerList(
    `legal-holds:${personId}`,
    (signal) => call(erasureApi.holds, { params: { id: personId } }, { signal }),
    loaded,
  );
  // A hold placed or released shows at once, before the page's new answer.
  const [changed, setChanged] = useState<{ version: number | undefined; holds: LegalHoldView[] }>();
  const holds =
    changed && changed.version === loaded?.version ? changed.holds : (list.data?.items ?? null);
  const [failure, setFailure] = useState<unknown>(null);
  const [saved, setSaved] = useState('');
  const replace = (hold: LegalHoldView) => {
    setChanged({
      version: loaded?.version,
      holds: [...(holds ?? []).filter((h) => h.id !== hold.id), hold],
    });
    onChanged?.();
  };
  const release = async (hold: LegalHoldView) => {
    setFailure(null);
    try {
      replace(
        await call(erasureApi.releaseHold, { params: { id: personId, holdId: hold.id }, body: {} }),
      );
      setSaved(t('legalHolds.released'));
    } catch (error) {
      setFailure(error);
    }
  };

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
                <Button variant="secondaryNoBorder" onClick={() => void release(hold)}>
                  {t('legalHolds.release')}
                </Button>
              )}
            </li>
          ))}
        </ul>
      )}
      <div role="status">{saved}</div>
      {list.error !== null && <ProblemNotice error={list.error} />}
      {failure !== null && <ProblemNotice error={failure} />}
      {me.can('requests.manage') && (
        <BehindButton label={t('legalHolds.placeTitle')} cancel={t('common.cancel')}>
          {(close) => (
            <StepForm
              title={t('legalHolds.placeTitle')}
              initial={{ reason: '', fromOn: formatDate(helsinkiToday()), untilOn: '' }}
              required={['reason', 'fromOn']}
              dates={['fromOn', 'untilOn']}
              labels={{
                reason: t('legalHolds.reason'),
                fromOn: t('legalHolds.fromOn'),
                untilOn: t('legalHolds.untilOn'),
              }}
              submitText={t('legalHolds.place')}
              run={(values) =>
                call(erasureApi.placeHold, {
                  params: { id: personId },
                  body: {
                    reason: (values.reason ?? '').trim(),
                    fromOn: dateValue(values, 'fromOn') ?? '',
                    untilOn: dateValue(values, 'untilOn') ?? null,
                  },
                })
              }
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
