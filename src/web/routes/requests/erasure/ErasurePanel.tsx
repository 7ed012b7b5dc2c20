import { useCallback, useEffect, useState } from 'react';
import { Button, Paragraph } from 'suomifi-ui-components';
import { saveFile } from '../../../components/download.ts';
import { ProblemNotice } from '../../../components/Notices.tsx';
import { Section } from '../../../components/Section.tsx';
import { formatDate } from '../../../format.ts';
import { useI18n } from '../../../i18n/I18nProvider.tsx';
import type { MessageKey } from '../../../i18n/catalogues.ts';
import { useMe } from '../../../session.tsx';
import { call, download } from '../../../client.ts';
import { erasureApi } from '../../../../contract/erasure/erasure.endpoints.ts';
import type { ErasureView } from '../../../../contract/erasure/erasure.schemas.ts';
import { requestsApi } from '../../../../contract/requests/requests.endpoints.ts';
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
 * language, what would be erased and what kept until when — the erasure itself while the
 * request is in progress, its outcome, and the answer letter in the requester's language.
 */
export function ErasurePanel({
  request: current,
  onChange,
}: {
  request: RequestView;
  onChange: (request: RequestView) => void;
}) {
  const { t, language } = useI18n();
  const me = useMe();
  const [view, setView] = useState<ErasureView | null>(null);
  const [failure, setFailure] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [saved, setSaved] = useState('');
  const isErasure = current.type === 'erasure';

  const load = useCallback(
    (signal?: AbortSignal) => {
      if (!isErasure) return;
      setFailure(null);
      call(erasureApi.get, { params: { id: current.id } }, { signal }).then(
        setView,
        (error: unknown) => {
          if (!signal?.aborted) setFailure(error);
        },
      );
    },
    [current.id, isErasure],
  );
  useEffect(() => {
    const controller = new AbortController();
    load(controller.signal);
    return () => controller.abort();
  }, [load, current.status]);
  if (!isErasure) return null;

  const execute = async () => {
    setBusy(true);
    setFailure(null);
    setSaved('');
    try {
      setView(await call(erasureApi.execute, { params: { id: current.id }, body: {} }));
      setSaved(t('erasure.done'));
      onChange(await call(requestsApi.get, { params: { id: current.id } }));
    } catch (error) {
      setFailure(error);
      load();
    } finally {
      setBusy(false);
    }
  };
  const letter = async () => {
    setFailure(null);
    try {
      const file = await download(erasureApi.letter, { params: { id: current.id } });
      saveFile(file.blob, file.fileName);
      setSaved(t('erasure.letterDownloaded', { name: file.fileName }));
    } catch (error) {
      setFailure(error);
    }
  };

  const mayErase =
    me.can('requests.manage') &&
    view?.status === 'notErased' &&
    view.plan !== 'refused' &&
    current.status === 'in_progress';

  return (
    <Section title={t('erasure.title')}>
      {view === null && failure === null && <Paragraph>{t('erasure.loading')}</Paragraph>}
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
          <Button variant="secondary" disabled={busy} onClick={() => load()}>
            {t('erasure.runDryRun')}
          </Button>
        )}
        {mayErase && (
          <Button disabled={busy} onClick={() => void execute()}>
            {busy ? t('erasure.erasing') : t('erasure.execute')}
          </Button>
        )}
        <Button variant="secondary" onClick={() => void letter()}>
          {t('erasure.downloadLetter')}
        </Button>
      </div>
      {view?.status === 'notErased' &&
        view.plan !== 'refused' &&
        current.status !== 'in_progress' &&
        me.can('requests.manage') && <p className="muted">{t('erasure.notInProgress')}</p>}
      <div role="status">{saved}</div>
      {failure !== null && <ProblemNotice error={failure} />}
    </Section>
  );
}
