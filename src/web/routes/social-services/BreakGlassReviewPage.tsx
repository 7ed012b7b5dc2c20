import { useEffect, useRef, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { Button, Paragraph, RouterLink, Textarea } from 'suomifi-ui-components';
import { ConfirmDialog } from '../../components/ConfirmDialog.tsx';
import { Loading, ProblemNotice } from '../../components/Notices.tsx';
import { PageHeading } from '../../components/PageHeading.tsx';
import { Tabs } from '../../components/Tabs.tsx';
import { fieldRules } from '../../components/schema-rules.ts';
import { useCall, useSend } from '../../data.ts';
import { formatDate, formatDateTime, formatTime } from '../../format.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import {} from './client-forms.ts';
import { staffName } from '../../../contract/staff/staff-name.ts';
import type { BreakGlassReviewItem } from '../../../contract/social-services/social-services.schemas.ts';
import { socialServicesApi } from '../../../contract/social-services/social-services.endpoints.ts';
import './social-services.css';

type ReviewStatus = 'open' | 'reviewed';

const NOTE_MAX = fieldRules(socialServicesApi.markReviewed.body).maxLength.get('note');

const personName = (item: BreakGlassReviewItem) =>
  `${item.person.firstName} ${item.person.lastName}`;

/** What the entry is about: the worker's reason for a grant, or why a relationship is listed. */
function EntryText({ item }: { item: BreakGlassReviewItem }) {
  const { t, language } = useI18n();
  const relationship = item.relationship;
  if (item.kind === 'breakGlass' || !relationship) return <>{item.reason}</>;
  const unit = {
    fi: relationship.unit.nameFi,
    sv: relationship.unit.nameSv,
    en: relationship.unit.nameEn,
  }[language];
  return (
    <>
      {item.kind === 'clientOfAnotherUnit'
        ? t('review.kind.clientOfAnotherUnit', { unit })
        : t('review.kind.backdatedRelationship', {
            unit,
            date: formatDate(relationship.startsOn),
          })}
    </>
  );
}

/**
 * The register officer's review of break-the-glass access: who opened whose data, when and why.
 * Open ones first (oldest first), each marked reviewed with a note; the reviewed ones on a tab.
 */
export function BreakGlassReviewPage() {
  const { t } = useI18n();
  const [params, setParams] = useSearchParams();
  const status: ReviewStatus = params.get('status') === 'reviewed' ? 'reviewed' : 'open';

  return (
    <div className="break-glass-review">
      <PageHeading title={t('review.title')} />
      <Paragraph mb="m">{t('review.intro')}</Paragraph>
      <Tabs
        label={t('review.title')}
        tabs={[
          { key: 'open', label: t('review.open') },
          { key: 'reviewed', label: t('review.reviewed') },
        ]}
        selected={status}
        onSelect={(next) => setParams(next === 'open' ? {} : { status: next }, { replace: true })}
      >
        <ReviewList key={status} status={status} />
      </Tabs>
    </div>
  );
}

function ReviewList({ status }: { status: ReviewStatus }) {
  const { t } = useI18n();
  const list = useCall(socialServicesApi.breakGlassReview, { query: { status } });
  const [message, setMessage] = useState<string | null>(null);
  const statusLine = useRef<HTMLParagraphElement>(null);
  const items = list.data?.items;

  useEffect(() => {
    if (message) statusLine.current?.focus();
  }, [message]);

  return (
    <>
      <p className="social-status" role="status" tabIndex={-1} ref={statusLine}>
        {message}
      </p>
      {list.isError && <ProblemNotice error={list.error} />}
      {!items && list.isPending && <Loading />}
      {items &&
        (items.length === 0 ? (
          <p className="muted">
            {status === 'open' ? t('review.noneOpen') : t('review.noneReviewed')}
          </p>
        ) : (
          <div className="log-table__scroll">
            <table className="log-table review-table">
              <caption className="visually-hidden">
                {status === 'open' ? t('review.openCaption') : t('review.reviewedCaption')}
              </caption>
              <thead>
                <tr>
                  <th scope="col">{t('review.openedAt')}</th>
                  <th scope="col">{t('review.worker')}</th>
                  <th scope="col">{t('review.person')}</th>
                  <th scope="col">{t('review.reason')}</th>
                  {status === 'reviewed' && <th scope="col">{t('review.review')}</th>}
                  <th scope="col">{t('review.actions')}</th>
                </tr>
              </thead>
              <tbody>
                {items.map((item) => (
                  <tr key={item.id}>
                    <th scope="row" className="log-table__time">
                      {formatDateTime(item.openedAt)}
                      {item.expiresAt && (
                        <div className="muted">
                          {t('review.until', { time: formatTime(item.expiresAt) })}
                        </div>
                      )}
                    </th>
                    <td>{staffName(item.user)}</td>
                    <td>
                      <RouterLink
                        asComponent={Link}
                        to={`/persons/${encodeURIComponent(item.person.id)}`}
                      >
                        {personName(item)}
                      </RouterLink>
                    </td>
                    <td className="review-table__text">
                      <EntryText item={item} />
                    </td>
                    {status === 'reviewed' && (
                      <td className="review-table__text">
                        {item.reviewedAt &&
                          t('review.reviewedBy', {
                            date: formatDateTime(item.reviewedAt),
                            username: item.reviewedBy
                              ? staffName({
                                  username: item.reviewedBy,
                                  fullName: item.reviewedByFullName,
                                })
                              : '',
                          })}
                        {item.reviewNote && <div>{item.reviewNote}</div>}
                      </td>
                    )}
                    <td>
                      <div className="review-table__actions">
                        <RouterLink
                          asComponent={Link}
                          to={`/access-log?${new URLSearchParams({
                            subjectId: item.person.id,
                            userId: item.user.id,
                            ...(item.kind === 'breakGlass' ? { flag: 'breakGlass' } : {}),
                          }).toString()}`}
                          aria-label={t('review.logNamed', {
                            username: item.user.username,
                            name: personName(item),
                          })}
                        >
                          {t('review.log')}
                        </RouterLink>
                        {status === 'open' && (
                          <MarkReviewed
                            item={item}
                            onReviewed={() => {
                              setMessage(t('review.done', { name: personName(item) }));
                            }}
                          />
                        )}
                      </div>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ))}
    </>
  );
}

function MarkReviewed({
  item,
  onReviewed,
}: {
  item: BreakGlassReviewItem;
  onReviewed: () => void;
}) {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  const [note, setNote] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const mark = useSend(socialServicesApi.markReviewed, {
    invalidates: [socialServicesApi.breakGlassReview],
  });
  const opener = useRef<HTMLButtonElement>(null);
  const input = useRef<HTMLTextAreaElement>(null);

  /** The review says what was checked: a note is asked for, though the server takes none. */
  const confirm = () => {
    if (note.trim() === '') {
      setProblem(t('review.noteMissing'));
      input.current?.focus();
      return;
    }
    setProblem(null);
    mark.mutate(
      { params: { id: item.id }, body: { note: note.trim() } },
      {
        onSuccess: () => {
          setOpen(false);
          setNote('');
          onReviewed();
        },
      },
    );
  };

  return (
    <>
      <Button
        variant="secondary"
        ref={opener}
        aria-label={t('review.markNamed', {
          username: item.user.username,
          name: personName(item),
        })}
        onClick={() => {
          mark.reset();
          setProblem(null);
          setOpen(true);
        }}
      >
        {t('review.mark')}
      </Button>
      <ConfirmDialog
        open={open}
        title={t('review.markTitle')}
        explanation={t(
          item.kind === 'breakGlass'
            ? 'review.markExplanation'
            : 'review.markExplanationRelationship',
          {
            username: item.user.username,
            name: personName(item),
            date: formatDateTime(item.openedAt),
          },
        )}
        failure={mark.error}
        busy={mark.isPending}
        confirmText={t('review.mark')}
        onConfirm={confirm}
        onCancel={() => setOpen(false)}
        opener={opener}
        focusOnOpen={input}
      >
        <Textarea
          id={`review-note-${item.id}`}
          ref={input}
          labelText={t('review.note')}
          hintText={t('review.noteHint')}
          value={note}
          maxLength={NOTE_MAX}
          onChange={(event) => setNote(event.target.value)}
          status={problem ? 'error' : 'default'}
          statusText={problem ?? undefined}
          resize="vertical"
          rows={3}
          fullWidth
        />
      </ConfirmDialog>
    </>
  );
}
