import { useEffect, useState } from 'react';
import { Button, Paragraph } from 'suomifi-ui-components';
import { DateField, TextAreaField } from '../../../components/Fields.tsx';
import { ProblemNotice } from '../../../components/Notices.tsx';
import { Section } from '../../../components/Section.tsx';
import { formatDate } from '../../../format.ts';
import { useI18n } from '../../../i18n/I18nProvider.tsx';
import { useMe } from '../../../session.tsx';
import { helsinkiToday } from '../../access-log/access-log.ts';
import { dateValue } from '../../billing/customer/billing-format.ts';
import { StepForm } from '../../requests/StepForm.tsx';
import { call } from '../../../client.ts';
import { erasureApi } from '../../../../contract/erasure/erasure.endpoints.ts';
import type { LegalHoldView } from '../../../../contract/erasure/erasure.schemas.ts';

/**
 * A person's legal holds (decision 0019): while one is in force the person's data cannot be
 * erased. The register officer places one with its reason, from a day and until a day (or until
 * released), and releases it.
 */
export function LegalHolds({ personId }: { personId: string }) {
  const { t } = useI18n();
  const me = useMe();
  const [holds, setHolds] = useState<LegalHoldView[] | null>(null);
  const [failure, setFailure] = useState<unknown>(null);
  const [saved, setSaved] = useState('');
  useEffect(() => {
    const controller = new AbortController();
    call(erasureApi.holds, { params: { id: personId } }, { signal: controller.signal }).then(
      (page) => setHolds(page.items),
      (error: unknown) => {
        if (!controller.signal.aborted) setFailure(error);
      },
    );
    return () => controller.abort();
  }, [personId]);
  const replace = (hold: LegalHoldView) =>
    setHolds((list) => [...(list ?? []).filter((h) => h.id !== hold.id), hold]);
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
      {failure !== null && <ProblemNotice error={failure} />}
      {me.can('requests.manage') && (
        <StepForm
          key={holds?.length ?? 0}
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
    </Section>
  );
}
