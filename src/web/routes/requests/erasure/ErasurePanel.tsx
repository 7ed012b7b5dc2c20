import { useState } from 'react';
import { Button, Paragraph } from 'suomifi-ui-components';
import { useSavedDownload } from '../../../components/download.ts';
import { ProblemNotice } from '../../../components/Notices.tsx';
import { Section } from '../../../components/Section.tsx';
import { formatDate } from '../../../format.ts';
import { useI18n } from '../../../i18n/I18nProvider.tsx';
import type { MessageKey } from '../../../i18n/catalogues.ts';
import { useCall, useSend } from '../../../data.ts';
import { erasureApi } from '../../../../contract/erasure/erasure.endpoints.ts';
import type { ErasureView } from '../../../../contract/erasure/erasure.schemas.ts';
import { requestsApi } from '../../../../contract/requests/requests.endpoints.ts';
import { REQUEST_LISTS } from '../request-lists.ts';
import type { RequestView } from '../../../../contract/requests/requests.schemas.ts';

type ErasedCategory = ErasureView['erased'][number];

const CATEGORY_LABELS: Record<ErasedCategory, MessageKey> = {
  person: 'erasure.category.person',
  identityCode: 'erasure.category.identityCode',
  organisations: 'erasure.category.organisations',
  requests: 'erasure.category.requests',
  valueSources: 'erasure.category.valueSources',
  objections: 'erasure.category.objections',
  disclosureSubjects: 'erasure.category.disclosureSubjects',
  socialServices: 'erasure.category.socialServices',
  orders: 'erasure.category.orders',
  invoices: 'erasure.category.invoices',
  accessLogValues: 'erasure.category.accessLogValues',
};

const PART_LABELS = {
  accounting: 'erasure.part.accounting',
  socialServices: 'erasure.part.socialServices',
} as const satisfies Record<ErasureView['kept'][number]['part'], MessageKey>;

const PLAN_LABELS = {
  refused: 'erasure.plan.refused',
  partial: 'erasure.plan.partial',
  full: 'erasure.plan.full',
} as const satisfies Record<NonNullable<ErasureView['plan']>, MessageKey>;

/**
 * An erasure request's erasure (decision 0019): the dry run — what blocks it, in the reader's
 * language, what would be erased and what kept until when — the erasure itself when the
 * request's allowed actions include it, its outcome, and the answer letter in the requester's
 * language. Carried out, the request (now decided) and its lists are read again.
 */
export function ErasurePanel({ request: current }: { request: RequestView }) {
  const { t, language } = useI18n();
  const isErasure = current.type === 'erasure';
  const params = { id: current.id };
  const dryRun = useCall(erasureApi.get, { params }, { enabled: isErasure });
  const erase = useSend(erasureApi.execute, {
    invalidates: [erasureApi.get, requestsApi.get, ...REQUEST_LISTS],
  });
  const [saved, setSaved] = useState('');
  const letter = useSavedDownload(erasureApi.letter, (name) =>
    setSaved(t('erasure.letterDownloaded', { name })),
  );
  if (!isErasure) return null;
  const view: ErasureView | undefined = erase.data ?? dryRun.data;
  const failure = dryRun.error ?? erase.error ?? letter.error;

  const execute = () => {
    setSaved('');
    erase.mutate({ params, body: {} }, { onSuccess: () => setSaved(t('erasure.done')) });
  };
  const allowed = current.allowedActions.some((action) => action.action === 'erase');
  const mayErase = allowed && view?.status === 'notErased' && view.plan !== 'refused';
  // A caller who may act on the request reads why the erasure is not offered yet.
  const waitsForStatus =
    view?.status === 'notErased' &&
    view.plan !== 'refused' &&
    !allowed &&
    current.allowedActions.length > 0;

  return (
    <Section title={t('erasure.title')}>
      {view === undefined && failure === null && <Paragraph>{t('erasure.loading')}</Paragraph>}
      {view?.status === 'notErased' && (
        <>
          <Paragraph mb="s">
            <strong>{t('erasure.dryRunTitle')}: </strong>
            {view.plan && t(PLAN_LABELS[view.plan])}
          </Paragraph>
          {view.blockers.length > 0 && (
            <>
              <h3 className="requests__subheading">{t('erasure.blockers')}</h3>
              <ul className="erasure__blockers" aria-label={t('erasure.blockers')}>
                {view.blockers.map((blocker) => (
                  <li key={blocker.code} data-code={blocker.code}>
                    {blocker.reasons[language]}
                  </li>
                ))}
              </ul>
            </>
          )}
        </>
      )}
      {view && view.status !== 'notErased' && (
        <Paragraph mb="s">
          {view.status === 'complete'
            ? t('erasure.outcomeComplete', { date: formatDate(view.completedAt ?? '') })
            : t('erasure.outcomePartial')}
        </Paragraph>
      )}
      {view && view.erased.length > 0 && (
        <>
          <h3 className="requests__subheading">
            {view.status === 'notErased' ? t('erasure.wouldErase') : t('erasure.erased')}
          </h3>
          <ul>
            {view.erased.map((category) => (
              <li key={category}>{t(CATEGORY_LABELS[category])}</li>
            ))}
          </ul>
        </>
      )}
      {view && view.kept.length > 0 && (
        <>
          <h3 className="requests__subheading">
            {view.status === 'notErased' ? t('erasure.wouldKeep') : t('erasure.kept')}
          </h3>
          <ul>
            {view.kept.map((kept) => (
              <li key={kept.part}>
                {t('erasure.keptUntil', {
                  part: t(PART_LABELS[kept.part]),
                  date: formatDate(kept.until),
                })}
              </li>
            ))}
          </ul>
          {view.finishOn && view.status !== 'notErased' && (
            <Paragraph mb="s">
              {t('erasure.finishesItself', { date: formatDate(view.finishOn) })}
            </Paragraph>
          )}
        </>
      )}
      {view?.keyDestroyed && <Paragraph mb="s">{t('erasure.keyDestroyed')}</Paragraph>}
      <div className="requests__actions">
        {view?.status === 'notErased' && (
          <Button
            variant="secondary"
            disabled={erase.isPending || dryRun.isFetching}
            onClick={() => void dryRun.refetch()}
          >
            {t('erasure.runDryRun')}
          </Button>
        )}
        {mayErase && (
          <Button disabled={erase.isPending} onClick={execute}>
            {erase.isPending ? t('erasure.erasing') : t('erasure.execute')}
          </Button>
        )}
        <Button
          variant="secondary"
          disabled={letter.isPending}
          onClick={() => {
            setSaved('');
            letter.mutate({ params });
          }}
        >
          {t('erasure.downloadLetter')}
        </Button>
      </div>
      {waitsForStatus && <p className="muted">{t('erasure.notInProgress')}</p>}
      <div role="status">{saved}</div>
      {failure !== null && <ProblemNotice error={failure} />}
    </Section>
  );
}
