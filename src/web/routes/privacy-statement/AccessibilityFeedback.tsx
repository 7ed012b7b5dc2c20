import { useState } from 'react';
import { Button, Checkbox } from 'suomifi-ui-components';
import { accessibilityApi } from '../../../contract/privacy-statement/accessibility.endpoints.ts';
import { LoadMore } from '../../components/LoadMore.tsx';
import { Loading, ProblemNotice } from '../../components/Notices.tsx';
import { Section } from '../../components/Section.tsx';
import { useCall, usePages, useSend } from '../../data.ts';
import { formatDateTime } from '../../format.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import './privacy-settings.css';

/** The feedback residents gave on accessibility: the administrator reads and marks it handled. */
export function AccessibilityFeedback() {
  const { t } = useI18n();
  const [showAll, setShowAll] = useState(false);
  const show = showAll ? 'all' : 'open';
  const feedback = usePages(accessibilityApi.listFeedback, { query: { show } });
  const waiting = useCall(accessibilityApi.listFeedback, { query: { show: 'open', limit: 1 } });
  const handle = useSend(accessibilityApi.markHandled, {
    invalidates: [accessibilityApi.listFeedback],
  });
  const open = waiting.data?.open;

  return (
    <Section
      title={t('privacySettings.feedbackTitle')}
      actions={
        open !== undefined && open > 0 ? (
          <span className="badge badge--warning">
            {t('privacySettings.feedbackOpen', { count: open })}
          </span>
        ) : undefined
      }
    >
      <Checkbox checked={showAll} onClick={({ checkboxState }) => setShowAll(checkboxState)}>
        {t('privacySettings.feedbackShowAll')}
      </Checkbox>
      {handle.error !== null && <ProblemNotice error={handle.error} />}
      {feedback.status === 'loading' && <Loading />}
      {feedback.status === 'failed' && <ProblemNotice error={feedback.error} />}
      {feedback.status === 'ready' && feedback.items.length === 0 && (
        <p className="muted">{t('privacySettings.feedbackNone')}</p>
      )}
      <ul className="feedback-list">
        {feedback.items.map((item) => (
          <li key={item.id} className="feedback-list__item">
            <p className="muted">
              {t('privacySettings.feedbackFrom', {
                time: formatDateTime(item.receivedAt),
                sender:
                  [item.name, item.email].filter(Boolean).join(', ') ||
                  t('privacySettings.feedbackAnonymous'),
              })}
              {item.page && ` · ${t('privacySettings.feedbackPage', { page: item.page })}`}
            </p>
            <p className="feedback-list__message" lang={item.language}>
              {item.message}
            </p>
            {item.handledAt ? (
              <p className="muted">
                {t('privacySettings.feedbackHandled', {
                  time: formatDateTime(item.handledAt),
                  by: item.handledBy ?? '',
                })}
              </p>
            ) : (
              <Button
                variant="secondary"
                disabled={handle.isPending}
                onClick={() => handle.mutate({ params: { id: item.id }, body: { handled: true } })}
              >
                {t('privacySettings.feedbackHandle')}
              </Button>
            )}
          </li>
        ))}
      </ul>
      <LoadMore
        pages={feedback}
        onLoad={() => feedback.loadMore()}
        label={t('privacySettings.feedbackMore')}
      />
    </Section>
  );
}
